import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { JobQueue } from '../src/queue/job-queue.service.js';
import { JobName } from '../src/queue/queue.types.js';
import { SimulatedIncidentFeed } from '../src/service-health/feed/incident-feed.js';
import {
  type KbArticleFixture,
  type KbQuestionFixture,
  readJsonLines,
  type TriageFixture,
} from './support/fixture-files.js';
import { createCustomer, createKey, openCase } from './support/fixtures.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startPeer, startTestApp, type TestApp, TEST_REDIS_URL, waitFor } from './support/test-app.js';

describe('the pipeline: outbox, triage, knowledge, self-resolution, service health', () => {
  let testApp: TestApp;
  let agentKey: string;
  let database: pg.Client;

  beforeAll(async () => {
    testApp = await startTestApp({
      OUTBOX_POLL_INTERVAL_MS: '200',
      AUTO_CLOSE_AFTER_HOURS: '1',
      REOPEN_WINDOW_DAYS: '0',
    });
    agentKey = await createKey(testApp.api, 'agent');
    database = new pg.Client({ connectionString: testApp.environment.DATABASE_URL });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await testApp?.close();
  });

  const agent = () => testApp.api.withKey(agentKey);
  const timelineOf = async (caseId: string) =>
    (await agent().get(`/v1/cases/${caseId}/timeline`)).body.items as any[];
  const commentsOf = async (caseId: string) =>
    (await agent().get(`/v1/cases/${caseId}/comments`)).body.items as any[];
  const whenTriaged = (caseId: string, timeoutMs = 15_000) =>
    waitFor(
      `case ${caseId} to be triaged`,
      async () => {
        const current = (await agent().get(`/v1/cases/${caseId}`)).body;
        return current.language ? current : undefined;
      },
      timeoutMs,
    );
  const runJob = (
    name: JobName.PollIncidentFeed | JobName.AutoCloseResolved | JobName.PurgeIdempotencyRecords,
  ) => testApp.app.get(JobQueue).enqueue({ name, data: {} });

  describe('triage', () => {
    it('triages new cases: language, category, suggested severity, new → triaged, on the timeline', async () => {
      const customerId = await createCustomer(testApp.api);
      const samples = readJsonLines<TriageFixture>('triage-dev.jsonl').filter((_, index) => index % 12 === 0);
      const opened = await Promise.all(
        samples.map((sample) =>
          openCase(agent(), customerId, { title: sample.title, description: sample.description }),
        ),
      );
      for (const [index, sample] of samples.entries()) {
        const triaged = await whenTriaged(opened[index].id);
        expect({ id: sample.id, language: triaged.language, status: triaged.status }).toEqual({
          id: sample.id,
          language: sample.language,
          status: 'triaged',
        });
        expect(triaged.category).toEqual(expect.any(String));
        const timeline = await timelineOf(opened[index].id);
        expect(timeline.map((event) => event.type)).toEqual(
          expect.arrayContaining(['opened', 'triaged', 'status_changed']),
        );
        const triagedEvent = timeline.find((event) => event.type === 'triaged');
        expect(triagedEvent.data).toMatchObject({ language: sample.language, category: triaged.category });
        expect(triagedEvent.data.changes.status).toEqual({ from: 'new', to: 'triaged' });
      }
    });

    it('never overwrites an explicit severity or category', async () => {
      const customerId = await createCustomer(testApp.api);
      const opened = await openCase(agent(), customerId, {
        title: 'Production outage: nobody can sign in to Microsoft 365',
        description: 'Since 08:00 all 2,000 employees get an error when they sign in. Business is stopped.',
        severity: 'C',
        category: 'billing',
      });
      const triaged = await whenTriaged(opened.id);
      expect(triaged).toMatchObject({
        severity: 'C',
        category: 'billing',
        status: 'triaged',
        language: 'en',
      });
    });

    it('leaves a case an agent already took in its status', async () => {
      const customerId = await createCustomer(testApp.api);
      const opened = await openCase(agent(), customerId);
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      const triaged = await whenTriaged(opened.id);
      expect(triaged.status).toBe('in_progress');
    });

    it('links a duplicate from the same customer within 24 hours', async () => {
      const customerId = await createCustomer(testApp.api);
      const text = {
        title: 'Outlook cannot send mail since this morning',
        description: 'Every message stays in the outbox with error 0x800CCC0F since about 9:00.',
        service: 'microsoft365',
      };
      const first = await openCase(agent(), customerId, text);
      await whenTriaged(first.id);
      const again = await openCase(agent(), customerId, {
        ...text,
        title: 'Outlook cannot send mail since this morning!',
      });
      const other = await openCase(agent(), customerId, {
        title: 'Question about our invoice',
        description: 'Why is the October invoice higher than September?',
      });
      expect((await whenTriaged(again.id)).duplicateOfId).toBe(first.id);
      expect((await whenTriaged(other.id)).duplicateOfId).toBeNull();
      const detected = (await timelineOf(again.id)).find((event) => event.type === 'duplicate_detected');
      expect(detected.data).toMatchObject({ duplicateOfId: first.id, duplicateOfNumber: first.number });

      const elsewhere = await createCustomer(testApp.api);
      const unrelated = await openCase(agent(), elsewhere, text);
      expect((await whenTriaged(unrelated.id)).duplicateOfId).toBeNull();
    });

    it('triages a case whose job was lost, from the sweeper', async () => {
      const customerId = await createCustomer(testApp.api);
      // A case whose opened event was published but whose triage job vanished with Redis.
      const { rows } = await database.query<{ id: string }>(
        `WITH c AS (
           INSERT INTO cases (customer_id, title, description, category_source, severity, severity_source, source,
                              reported_at, created_at, sla_policy_version_id)
           VALUES ($1, 'Facture en double', 'Nous avons reçu deux factures pour le mois d''octobre.', 'none', 'C',
                   'default', 'agent', now(), now() - interval '2 minutes',
                   (SELECT current_version_id FROM sla_policies WHERE is_default))
           RETURNING id, created_at
         )
         INSERT INTO case_events (case_id, type, at, actor, data, published_at)
         SELECT id, 'opened', created_at, '{"type":"system","id":null,"name":"test"}', '{}', now() FROM c
         RETURNING case_id AS id`,
        [customerId],
      );
      await testApp.app.get(JobQueue).enqueue({ name: JobName.TriageSweep, data: {} });
      const triaged = await whenTriaged(rows[0].id);
      expect(triaged).toMatchObject({ status: 'triaged', language: 'fr', category: 'billing' });
    });

    it('triages each case once with several workers racing', async () => {
      const peer = await startPeer(testApp, { ROLE: 'worker' });
      try {
        const customerId = await createCustomer(testApp.api);
        const opened = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            openCase(agent(), customerId, {
              title: `VPN drops ${index}`,
              description: `Tunnel ${index} drops every hour.`,
            }),
          ),
        );
        for (const supportCase of opened) await whenTriaged(supportCase.id);
        for (const supportCase of opened) {
          const types = (await timelineOf(supportCase.id)).map((event) => event.type);
          expect(types.filter((type) => type === 'triaged')).toHaveLength(1);
          expect(types.filter((type) => type === 'status_changed')).toHaveLength(1);
        }
        await waitFor('every event of these cases to be published', async () => {
          const { rows } = await database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM case_events WHERE published_at IS NULL AND case_id = ANY($1::uuid[])`,
            [opened.map((supportCase) => supportCase.id)],
          );
          return rows[0].n === 0 ? true : undefined;
        });
      } finally {
        await peer.close();
      }
    });
  });

  describe('outbox relay', () => {
    it('keeps accepting cases while Redis is down, and triages them once it is back', async () => {
      const redis = new URL(TEST_REDIS_URL);
      const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
      await proxy.up();
      const isolated = await startTestApp({ REDIS_URL: proxy.url, OUTBOX_POLL_INTERVAL_MS: '200' });
      try {
        const customerId = await createCustomer(isolated.api);
        await proxy.down();
        const opened = await openCase(isolated.api, customerId, {
          title: 'Teams 无法登录',
          description: '所有人都无法登录。',
        });
        expect(opened.status).toBe('new');
        const pending = new pg.Client({ connectionString: isolated.environment.DATABASE_URL });
        await pending.connect();
        try {
          const rows = await pending.query(`SELECT published_at FROM case_events WHERE case_id = $1`, [
            opened.id,
          ]);
          expect(rows.rows).toEqual([{ published_at: null }]);
        } finally {
          await pending.end();
        }
        await proxy.up();
        const triaged = await waitFor(
          'the case to be triaged after Redis came back',
          async () => {
            const current = (await isolated.api.get(`/v1/cases/${opened.id}`)).body;
            return current.status === 'triaged' ? current : undefined;
          },
          30_000,
        );
        expect(triaged.language).toBe('zh');
      } finally {
        await proxy.up().catch(() => undefined);
        await isolated.close();
        await proxy.down();
      }
    });
  });

  describe('knowledge base', () => {
    const articleIds = new Map<string, string>();

    beforeAll(async () => {
      for (const article of readJsonLines<KbArticleFixture>('kb-articles.jsonl')) {
        const response = await testApp.api.post('/v1/articles', article);
        expect(response.status).toBe(201);
        articleIds.set(article.slug, response.body.id);
      }
    });

    it('stores articles with unique slugs and searches them in three languages', async () => {
      const slugs = [...articleIds.keys()];
      const duplicate = await testApp.api.post('/v1/articles', {
        slug: slugs[0],
        locale: 'en',
        title: 'x',
        body: 'y',
      });
      expect(duplicate.status).toBe(409);
      expect(
        (await agent().post('/v1/articles', { slug: 'x', locale: 'en', title: 'x', body: 'y' })).status,
      ).toBe(403);

      const french = await agent().get(
        `/v1/articles?q=${encodeURIComponent('facturation')}&locale=fr&limit=100`,
      );
      expect(french.status).toBe(200);
      expect(french.body.items.length).toBeGreaterThan(0);
      expect(french.body.items.every((article: { locale: string }) => article.locale === 'fr')).toBe(true);
      const chinese = await agent().get(`/v1/articles?q=${encodeURIComponent('发票')}`);
      expect(chinese.body.items.map((article: { slug: string }) => article.slug)).toContain(
        'request-vat-fapiao-zh',
      );
      const one = await agent().get(`/v1/articles/${articleIds.get('reset-admin-password')}`);
      expect(one.body).toMatchObject({ slug: 'reset-admin-password', locale: 'en' });
      expect((await agent().get(`/v1/articles/${randomUUID()}`)).status).toBe(404);
    });

    it('suggests the right article in the top 3 for at least 85 % of how-to questions, across languages', async () => {
      const customerId = await createCustomer(testApp.api);
      const questions = readJsonLines<KbQuestionFixture>('kb-questions.jsonl');
      let hits = 0;
      for (const question of questions) {
        const supportCase = await openCase(agent(), customerId, {
          title: question.title,
          description: question.description,
        });
        const suggestions = await agent().get(`/v1/cases/${supportCase.id}/suggestions`);
        expect(suggestions.status).toBe(200);
        const top3 = suggestions.body.items.slice(0, 3).map((item: { slug: string }) => item.slug);
        if (top3.includes(question.expectedSlug)) hits += 1;
      }
      expect(hits / questions.length).toBeGreaterThanOrEqual(0.85);
    });

    it('attaches the first suggestions to the triage event', async () => {
      const customerId = await createCustomer(testApp.api);
      const opened = await openCase(agent(), customerId, {
        title: 'Comment réinitialiser le mot de passe administrateur ?',
        description:
          "Notre administrateur général a oublié son mot de passe Microsoft 365, l'autre admin peut-il le réinitialiser ?",
      });
      await whenTriaged(opened.id);
      const triaged = (await timelineOf(opened.id)).find((event) => event.type === 'triaged');
      expect(triaged.data.suggestions.map((item: { slug: string }) => item.slug)).toContain(
        'reset-admin-password',
      );
    });

    it('self-resolves a case with an article, and refuses unknown articles and closed cases', async () => {
      const customerId = await createCustomer(testApp.api);
      const partnerKey = await createKey(testApp.api, 'integration', [customerId]);
      const partner = testApp.api.withKey(partnerKey);
      const opened = await openCase(partner, customerId, {
        title: 'Where are Teams recordings?',
        description: 'x',
      });
      const articleId = articleIds.get('find-teams-meeting-recordings');

      const unknown = await partner.post(`/v1/cases/${opened.id}/self-resolve`, { articleId: randomUUID() });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('articleId');

      const resolved = await partner.post(`/v1/cases/${opened.id}/self-resolve`, { articleId });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolution: { type: 'self_service', articleId },
      });
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));

      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'closed' });
      const again = await partner.post(`/v1/cases/${opened.id}/self-resolve`, { articleId });
      expect(again.status).toBe(409);
    });
  });

  describe('automatic close and maintenance', () => {
    it('closes resolved cases after the quiet period, and only those', async () => {
      const customerId = await createCustomer(testApp.api);
      const quiet = await openCase(agent(), customerId);
      const recent = await openCase(agent(), customerId);
      for (const supportCase of [quiet, recent]) {
        await agent().post(`/v1/cases/${supportCase.id}/status`, { status: 'resolved' });
      }
      await database.query(`UPDATE cases SET resolved_at = now() - interval '2 hours' WHERE id = $1`, [
        quiet.id,
      ]);
      await runJob(JobName.AutoCloseResolved);
      const closed = await waitFor('the quiet case to close', async () => {
        const current = (await agent().get(`/v1/cases/${quiet.id}`)).body;
        return current.status === 'closed' ? current : undefined;
      });
      expect(closed.closedAt).toEqual(expect.any(String));
      const closing = (await timelineOf(quiet.id)).at(-1);
      expect(closing).toMatchObject({
        type: 'status_changed',
        actor: { type: 'system' },
        data: { reason: 'auto_close' },
      });
      expect((await agent().get(`/v1/cases/${recent.id}`)).body.status).toBe('resolved');
    });

    it('expires records after 24 hours: the key is free again, and the purge job deletes them', async () => {
      const customerId = await createCustomer(testApp.api);
      const body = () => ({
        customerId,
        title: 'VPN gateway down',
        description: 'P2S clients cannot connect.',
      });
      const key = randomUUID();
      const first = await agent().post('/v1/cases', body(), { headers: { 'idempotency-key': key } });
      {
        await database.query(
          `UPDATE idempotency_records SET created_at = now() - interval '25 hours' WHERE idempotency_key = $1`,
          [key],
        );
        const reused = await agent().post(
          '/v1/cases',
          { ...body(), title: 'A new problem' },
          { headers: { 'idempotency-key': key } },
        );
        expect(reused.status).toBe(201);
        expect(reused.body.id).not.toBe(first.body.id);

        const staleKey = randomUUID();
        await agent().post('/v1/cases', body(), { headers: { 'idempotency-key': staleKey } });
        await database.query(
          `UPDATE idempotency_records SET created_at = now() - interval '25 hours' WHERE idempotency_key = $1`,
          [staleKey],
        );
        await runJob(JobName.PurgeIdempotencyRecords);
        const keysLeft = async () =>
          (
            await database.query<{ idempotency_key: string }>(
              `SELECT idempotency_key FROM idempotency_records WHERE idempotency_key = ANY($1)`,
              [[key, staleKey]],
            )
          ).rows.map((row) => row.idempotency_key);
        await waitFor('the purge of the expired record', async () =>
          (await keysLeft()).includes(staleKey) ? undefined : true,
        );
        expect(await keysLeft()).toEqual([key]);
      }
    });
  });

  describe('service health', () => {
    it('links a case to an active incident, acknowledges it publicly, and announces the resolution', async () => {
      const customerId = await createCustomer(testApp.api);
      const azure = await testApp.api.post(`/v1/customers/${customerId}/subscriptions`, {
        service: 'azure',
        region: 'china-north-3',
      });
      const m365 = await testApp.api.post(`/v1/customers/${customerId}/subscriptions`, {
        service: 'microsoft365',
      });
      const incident = await testApp.api.post('/v1/service-incidents', {
        service: 'azure',
        region: 'china-north-3',
        title: 'Virtual machines fail to start',
        status: 'outage',
      });
      expect(incident.status).toBe(201);
      expect(incident.body).toMatchObject({ status: 'outage', source: 'admin', resolvedAt: null });

      const health = await agent().get(`/v1/customers/${customerId}/service-health`);
      expect(health.body.services).toEqual([
        expect.objectContaining({
          subscriptionId: azure.body.id,
          status: 'outage',
          incidents: [expect.objectContaining({ id: incident.body.id })],
        }),
        expect.objectContaining({ subscriptionId: m365.body.id, status: 'healthy', incidents: [] }),
      ]);
      const active = await agent().get('/v1/service-incidents?active=true');
      expect(active.body.items.map((item: { id: string }) => item.id)).toContain(incident.body.id);

      const affected = await openCase(agent(), customerId, {
        subscriptionId: azure.body.id,
        title: '虚拟机无法启动',
        description: '华北三区的虚拟机重启以后一直无法启动。',
      });
      const unaffected = await openCase(agent(), customerId, {
        subscriptionId: m365.body.id,
        title: 'Mail',
        description: 'x',
      });
      expect((await whenTriaged(affected.id)).incidentIds).toEqual([incident.body.id]);
      expect((await whenTriaged(unaffected.id)).incidentIds).toEqual([]);
      const acknowledgement = (await commentsOf(affected.id)).find(
        (comment) => comment.authorType === 'system',
      );
      expect(acknowledgement).toMatchObject({ visibility: 'public' });
      expect(acknowledgement.body).toContain('Virtual machines fail to start');

      const resolved = await testApp.api.patch(`/v1/service-incidents/${incident.body.id}`, {
        status: 'resolved',
      });
      expect(resolved.body).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
      const update = await waitFor('the resolution update on the linked case', async () => {
        const comments = (await commentsOf(affected.id)).filter((comment) => comment.authorType === 'system');
        return comments.length === 2 ? comments[1] : undefined;
      });
      expect(update.body).toContain('Virtual machines fail to start');
      expect(
        (await timelineOf(affected.id)).filter((event) => event.type === 'incident_resolved'),
      ).toHaveLength(1);
      expect((await commentsOf(unaffected.id)).filter((comment) => comment.authorType === 'system')).toEqual(
        [],
      );
    });

    it('scopes incidents posted by a partner system to its own customers', async () => {
      const customerA = await createCustomer(testApp.api);
      const customerB = await createCustomer(testApp.api);
      const subscriptionOf = async (customerId: string) =>
        (await testApp.api.post(`/v1/customers/${customerId}/subscriptions`, { service: 'power-bi' })).body
          .id as string;
      const [subscriptionA, subscriptionB] = [
        await subscriptionOf(customerA),
        await subscriptionOf(customerB),
      ];
      const partner = testApp.api.withKey(await createKey(testApp.api, 'integration', [customerA]));
      const posted = await partner.post('/v1/service-incidents', {
        service: 'power-bi',
        title: 'Our gateway to Power BI is down',
        status: 'outage',
      });
      expect(posted.status).toBe(201);
      expect(posted.body.source).toBe('integration');

      const caseA = await openCase(agent(), customerA, {
        subscriptionId: subscriptionA,
        title: 'Reports',
        description: 'x',
      });
      const caseB = await openCase(agent(), customerB, {
        subscriptionId: subscriptionB,
        title: 'Reports',
        description: 'x',
      });
      expect((await whenTriaged(caseA.id)).incidentIds).toEqual([posted.body.id]);
      expect((await whenTriaged(caseB.id)).incidentIds).toEqual([]);
      const healthB = await agent().get(`/v1/customers/${customerB}/service-health`);
      expect(healthB.body.services[0]).toMatchObject({ status: 'healthy', incidents: [] });

      const global = await testApp.api.post('/v1/service-incidents', {
        service: 'dynamics365',
        title: 'CRM slow',
        status: 'degraded',
      });
      expect(
        (await partner.patch(`/v1/service-incidents/${global.body.id}`, { status: 'resolved' })).status,
      ).toBe(404);
      expect((await partner.get(`/v1/service-incidents/${global.body.id}`)).status).toBe(200);
      const other = testApp.api.withKey(await createKey(testApp.api, 'integration', [customerB]));
      expect((await other.get(`/v1/service-incidents/${posted.body.id}`)).status).toBe(404);
      expect(
        (await partner.patch(`/v1/service-incidents/${posted.body.id}`, { status: 'resolved' })).status,
      ).toBe(200);
    });

    it('validates incidents and refuses agents as writers', async () => {
      const invalid = await testApp.api.post('/v1/service-incidents', {
        service: 'aws',
        title: '',
        status: 'broken',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'service',
        'status',
        'title',
      ]);
      expect(
        (await agent().post('/v1/service-incidents', { service: 'azure', title: 'x', status: 'outage' }))
          .status,
      ).toBe(403);
      expect(
        (await testApp.api.patch(`/v1/service-incidents/${randomUUID()}`, { status: 'resolved' })).status,
      ).toBe(404);
      const externalId = `INC-${randomUUID()}`;
      await testApp.api.post('/v1/service-incidents', {
        externalId,
        service: 'azure',
        title: 'x',
        status: 'degraded',
      });
      const again = await testApp.api.post('/v1/service-incidents', {
        externalId,
        service: 'azure',
        title: 'x',
        status: 'degraded',
      });
      expect(again.status).toBe(409);
    });

    it('reads the upstream feed: new incidents appear, vanished ones are resolved', async () => {
      const feed = testApp.app.get(SimulatedIncidentFeed);
      const externalId = `VIANET-${randomUUID().slice(0, 8)}`;
      feed.publish({
        externalId,
        service: 'microsoft365',
        region: null,
        title: 'Exchange Online: delayed mail delivery',
        status: 'degraded',
        startedAt: new Date(),
      });
      await runJob(JobName.PollIncidentFeed);
      const listed = await waitFor('the feed incident to appear', async () => {
        const items = (await agent().get('/v1/service-incidents?active=true&limit=100')).body.items;
        return items.find((item: { externalId: string }) => item.externalId === externalId);
      });
      expect(listed).toMatchObject({ source: 'feed', status: 'degraded', service: 'microsoft365' });

      feed.resolve(externalId);
      await runJob(JobName.PollIncidentFeed);
      const resolved = await waitFor('the feed incident to resolve', async () => {
        const current = (await agent().get(`/v1/service-incidents/${listed.id}`)).body;
        return current.status === 'resolved' ? current : undefined;
      });
      expect(resolved.resolvedAt).toEqual(expect.any(String));
    });
  });
});
