import { randomUUID } from 'node:crypto';
import { allPages, createCustomer, createKey, openCase } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('cases: intake, lifecycle, comments and timeline', () => {
  let testApp: TestApp;
  let customerId: string;
  let agentKey: string;
  let integrationKey: string;

  beforeAll(async () => {
    // API only: no worker triages the cases under the assertions (the pipeline has its own suite).
    testApp = await startTestApp({ ROLE: 'api' });
    customerId = await createCustomer(testApp.api);
    agentKey = await createKey(testApp.api, 'agent');
    integrationKey = await createKey(testApp.api, 'integration', [customerId]);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const agent = () => testApp.api.withKey(agentKey);
  const partner = () => testApp.api.withKey(integrationKey);
  const timelineOf = async (caseId: string) =>
    (await agent().get(`/v1/cases/${caseId}/timeline`)).body.items as {
      type: string;
      data: any;
      actor: any;
    }[];

  describe('POST /v1/cases', () => {
    it('opens a case with its defaults, a Location and an ETag, and an opened event', async () => {
      const response = await agent().post('/v1/cases', {
        customerId,
        title: 'Teams 无法登录',
        description: '财务部所有人今天早上开始无法登录 Teams。',
        tags: [' finance ', 'vip', 'finance'],
        contact: { name: 'Li Wei', email: 'li.wei@contoso.cn' },
      });
      expect(response.status).toBe(201);
      const opened = response.body;
      expect(opened).toMatchObject({
        customerId,
        title: 'Teams 无法登录',
        status: 'new',
        severity: 'C',
        category: null,
        language: null,
        source: 'agent',
        tags: ['finance', 'vip'],
        contact: { name: 'Li Wei', email: 'li.wei@contoso.cn' },
        version: 1,
        firstRespondedAt: null,
        resolution: null,
        incidentIds: [],
      });
      expect(opened.reportedAt).toBe(opened.createdAt);
      expect(response.headers.get('location')).toBe(`/v1/cases/${opened.id}`);
      expect(response.headers.get('etag')).toBe('"1"');

      const read = await agent().get(`/v1/cases/${opened.id}`);
      expect(read.body).toEqual(opened);
      expect(read.headers.get('etag')).toBe('"1"');

      const timeline = await timelineOf(opened.id);
      expect(timeline).toEqual([
        expect.objectContaining({
          type: 'opened',
          actor: expect.objectContaining({ type: 'agent', name: 'agent key' }),
          data: expect.objectContaining({ reportedAt: opened.reportedAt, severity: 'C', source: 'agent' }),
        }),
      ]);
    });

    it('numbers cases in increasing order', async () => {
      const first = await openCase(agent(), customerId);
      const second = await openCase(agent(), customerId);
      expect(second.number).toBeGreaterThan(first.number);
    });

    it('marks partner cases as integration and takes reportedAt from the past', async () => {
      const reportedAt = '2026-03-01T08:00:00.000Z';
      const response = await partner().post('/v1/cases', {
        customerId,
        title: 'Facture en double',
        description: 'Nous avons reçu deux factures pour octobre.',
        severity: 'B',
        reportedAt: '2026-03-01T16:00:00.000+08:00',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ source: 'integration', severity: 'B', reportedAt });
    });

    it('refuses reportedAt in the future (beyond 5 minutes of skew) and without a zone', async () => {
      const future = new Date(Date.now() + 10 * 60 * 1000).toISOString();
      const response = await agent().post('/v1/cases', {
        customerId,
        title: 'x',
        description: 'y',
        reportedAt: future,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'reportedAt', message: 'reportedAt lies in the future' },
      ]);
      const skewed = new Date(Date.now() + 60 * 1000).toISOString();
      expect(
        (await agent().post('/v1/cases', { customerId, title: 'x', description: 'y', reportedAt: skewed }))
          .status,
      ).toBe(201);
      const zoneless = await agent().post('/v1/cases', {
        customerId,
        title: 'x',
        description: 'y',
        reportedAt: '2026-03-01T08:00:00',
      });
      expect(zoneless.status).toBe(400);
      expect(zoneless.body.errors[0].field).toBe('reportedAt');
    });

    it('validates the customer, the subscription and the service together', async () => {
      const unknownCustomer = randomUUID();
      const missing = await agent().post('/v1/cases', {
        customerId: unknownCustomer,
        title: 'x',
        description: 'y',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { field: 'customerId', message: `no customer with id ${unknownCustomer}` },
      ]);

      const otherCustomer = await createCustomer(testApp.api);
      const theirs = await testApp.api.post(`/v1/customers/${otherCustomer}/subscriptions`, {
        service: 'azure',
      });
      const mine = await testApp.api.post(`/v1/customers/${customerId}/subscriptions`, {
        service: 'power-bi',
      });
      const wrongOwner = await agent().post('/v1/cases', {
        customerId,
        subscriptionId: theirs.body.id,
        title: 'x',
        description: 'y',
      });
      expect(wrongOwner.status).toBe(400);
      expect(wrongOwner.body.errors[0].field).toBe('subscriptionId');

      const mismatch = await agent().post('/v1/cases', {
        customerId,
        subscriptionId: mine.body.id,
        service: 'azure',
        title: 'x',
        description: 'y',
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors).toEqual([
        { field: 'service', message: 'the subscription is for power-bi, not azure' },
      ]);

      const inferred = await openCase(agent(), customerId, { subscriptionId: mine.body.id });
      expect(inferred).toMatchObject({ subscriptionId: mine.body.id, service: 'power-bi' });
    });

    it('lists every invalid field and refuses unknown ones', async () => {
      const response = await agent().post('/v1/cases', {
        customerId: 'nope',
        title: '',
        severity: 'D',
        category: 'printers',
        tags: ['ok', ''],
        priority: 'high',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['category', 'customerId', 'description', 'priority', 'severity', 'tags', 'title'].sort(),
      );
    });

    it('keeps externalRef unique per customer and names the existing case', async () => {
      const externalRef = `CRM-${randomUUID().slice(0, 8)}`;
      const first = await openCase(partner(), customerId, { externalRef });
      const again = await partner().post('/v1/cases', {
        customerId,
        title: 'again',
        description: 'again',
        externalRef,
      });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('https://casebridge.dev/problems/external-ref-taken');
      expect(again.body.detail).toContain(first.id);
      expect(again.body.existingCaseId).toBe(first.id);

      const otherCustomer = await createCustomer(testApp.api);
      expect((await openCase(agent(), otherCustomer, { externalRef })).externalRef).toBe(externalRef);
    });
  });

  describe('Idempotency-Key', () => {
    const body = () => ({
      customerId,
      title: 'VPN gateway down',
      description: 'P2S clients cannot connect.',
    });

    it('replays the first answer for the same key and body, and refuses another body with 422', async () => {
      const key = randomUUID();
      const first = await partner().post('/v1/cases', body(), { headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();

      const replay = await partner().post('/v1/cases', body(), { headers: { 'idempotency-key': key } });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);

      const reordered = await partner().post(
        '/v1/cases',
        { description: body().description, title: body().title, customerId },
        { headers: { 'idempotency-key': key } },
      );
      expect(reordered.body.id).toBe(first.body.id);

      const different = await partner().post(
        '/v1/cases',
        { ...body(), severity: 'A' },
        { headers: { 'idempotency-key': key } },
      );
      expect(different.status).toBe(422);
      expect(different.body.type).toBe('https://casebridge.dev/problems/idempotency-key-reused');
    });

    it('creates exactly one case for 20 racing posts with one key, and never a 5xx', async () => {
      const key = randomUUID();
      const externalRef = `race-${key}`;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          partner().post('/v1/cases', { ...body(), externalRef }, { headers: { 'idempotency-key': key } }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 201));
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(
        responses.filter((response) => response.headers.get('idempotent-replayed') === 'true'),
      ).toHaveLength(19);
      const listed = await agent().get(`/v1/cases?customerId=${customerId}&limit=100`);
      expect(
        listed.body.items.filter((item: { externalRef: string }) => item.externalRef === externalRef),
      ).toHaveLength(1);
    });

    it('scopes keys to the key holder and refuses malformed keys', async () => {
      const key = randomUUID();
      const mine = await partner().post('/v1/cases', body(), { headers: { 'idempotency-key': key } });
      const theirs = await agent().post('/v1/cases', body(), { headers: { 'idempotency-key': key } });
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);

      const malformed = await agent().post('/v1/cases', body(), {
        headers: { 'idempotency-key': 'has spaces' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('Idempotency-Key');
    });

    it('does not store failed attempts: a retry meets the same conflict, not a replay', async () => {
      const externalRef = `retry-${randomUUID()}`;
      await openCase(agent(), customerId, { externalRef });
      const key = randomUUID();
      const conflict = await partner().post(
        '/v1/cases',
        { ...body(), externalRef },
        { headers: { 'idempotency-key': key } },
      );
      expect(conflict.status).toBe(409);
      const again = await partner().post(
        '/v1/cases',
        { ...body(), externalRef },
        { headers: { 'idempotency-key': key } },
      );
      expect(again.status).toBe(409);
    });
  });

  describe('status machine', () => {
    it('follows the machine and refuses anything else with 409 and the allowed targets', async () => {
      const opened = await openCase(agent(), customerId);
      const refused = await agent().post(`/v1/cases/${opened.id}/status`, { status: 'closed' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        type: 'https://casebridge.dev/problems/transition-not-allowed',
        currentStatus: 'new',
        allowed: ['in_progress', 'resolved'],
      });
      expect((await agent().post(`/v1/cases/${opened.id}/status`, { status: 'triaged' })).status).toBe(409);
      expect((await agent().post(`/v1/cases/${opened.id}/status`, { status: 'escalated' })).status).toBe(409);

      const taken = await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ status: 'in_progress', version: 2 });
      expect(taken.headers.get('etag')).toBe('"2"');

      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'awaiting_customer' });
      const resolved = await agent().post(`/v1/cases/${opened.id}/status`, {
        status: 'resolved',
        reason: 'Reset the mailbox rule',
      });
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolution: { type: 'agent', note: 'Reset the mailbox rule' },
      });
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));

      const reopened = await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null, resolution: null });

      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'resolved' });
      const closed = await agent().post(`/v1/cases/${opened.id}/status`, { status: 'closed' });
      expect(closed.body.status).toBe('closed');
      expect(closed.body.closedAt).toEqual(expect.any(String));
      const final = await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      expect(final.status).toBe(409);
      expect(final.body.allowed).toEqual([]);

      const statuses = (await timelineOf(opened.id))
        .filter((event) => event.type === 'status_changed')
        .map((event) => `${event.data.from}→${event.data.to}`);
      expect(statuses).toEqual([
        'new→in_progress',
        'in_progress→awaiting_customer',
        'awaiting_customer→resolved',
        'resolved→in_progress',
        'in_progress→resolved',
        'resolved→closed',
      ]);
    });

    it('is not for integration keys, and answers 404 for unknown cases', async () => {
      const opened = await openCase(partner(), customerId);
      expect((await partner().post(`/v1/cases/${opened.id}/status`, { status: 'resolved' })).status).toBe(
        403,
      );
      expect((await agent().post(`/v1/cases/${randomUUID()}/status`, { status: 'resolved' })).status).toBe(
        404,
      );
      expect((await agent().post(`/v1/cases/${opened.id}/status`, { status: 'done' })).status).toBe(400);
    });
  });

  describe('comments', () => {
    it('sets firstRespondedAt on the first public agent comment only', async () => {
      const opened = await openCase(partner(), customerId);
      await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Looking into it',
        visibility: 'internal',
      });
      expect((await agent().get(`/v1/cases/${opened.id}`)).body.firstRespondedAt).toBeNull();

      const reply = await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'We are on it.',
        visibility: 'public',
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ caseId: opened.id, authorType: 'agent', visibility: 'public' });
      const answered = (await agent().get(`/v1/cases/${opened.id}`)).body;
      expect(answered.firstRespondedAt).toBe(reply.body.createdAt);

      await agent().post(`/v1/cases/${opened.id}/comments`, { body: 'Second reply', visibility: 'public' });
      expect((await agent().get(`/v1/cases/${opened.id}`)).body.firstRespondedAt).toBe(reply.body.createdAt);
    });

    it('pages comments oldest first without gaps or repeats', async () => {
      const opened = await openCase(partner(), customerId);
      const written: string[] = [];
      for (let index = 0; index < 7; index += 1) {
        const comment = await agent().post(`/v1/cases/${opened.id}/comments`, {
          body: `Update ${index}`,
          visibility: 'public',
        });
        written.push(comment.body.id);
      }
      const paged = await allPages<{ id: string; body: string }>(
        agent(),
        `/v1/cases/${opened.id}/comments`,
        3,
      );
      expect(paged.map((comment) => comment.id)).toEqual(written);
      expect(paged.map((comment) => comment.body)).toEqual(
        [0, 1, 2, 3, 4, 5, 6].map((index) => `Update ${index}`),
      );
    });

    it('lets integration keys post public customer comments and hides internal notes from them', async () => {
      const opened = await openCase(partner(), customerId);
      await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Customer is VIP',
        visibility: 'internal',
      });
      const fromCustomer = await partner().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Any news?',
        visibility: 'public',
      });
      expect(fromCustomer.body.authorType).toBe('customer');
      const internal = await partner().post(`/v1/cases/${opened.id}/comments`, {
        body: 'x',
        visibility: 'internal',
      });
      expect(internal.status).toBe(403);

      const seenByPartner = await partner().get(`/v1/cases/${opened.id}/comments`);
      expect(seenByPartner.body.items.map((comment: { body: string }) => comment.body)).toEqual([
        'Any news?',
      ]);
      const seenByAgent = await agent().get(`/v1/cases/${opened.id}/comments`);
      expect(seenByAgent.body.items.map((comment: { body: string }) => comment.body)).toEqual([
        'Customer is VIP',
        'Any news?',
      ]);
      const partnerTimeline = await partner().get(`/v1/cases/${opened.id}/timeline`);
      expect(
        partnerTimeline.body.items.filter(
          (event: { data: { visibility?: string } }) => event.data.visibility === 'internal',
        ),
      ).toEqual([]);
    });

    it('brings an awaiting_customer case back to in_progress on a public customer reply', async () => {
      const opened = await openCase(partner(), customerId);
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'awaiting_customer' });
      await partner().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Here are the logs',
        visibility: 'public',
      });
      const current = (await agent().get(`/v1/cases/${opened.id}`)).body;
      expect(current.status).toBe('in_progress');
      const last = (await timelineOf(opened.id)).at(-1)!;
      expect(last).toMatchObject({
        type: 'status_changed',
        data: { from: 'awaiting_customer', to: 'in_progress', reason: 'customer_reply' },
      });
    });

    it('reopens a resolved case on a customer reply inside the reopen window, and refuses closed cases', async () => {
      const opened = await openCase(partner(), customerId);
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'resolved' });
      await partner().post(`/v1/cases/${opened.id}/comments`, { body: 'Still broken', visibility: 'public' });
      expect((await agent().get(`/v1/cases/${opened.id}`)).body).toMatchObject({
        status: 'in_progress',
        resolvedAt: null,
      });

      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'resolved' });
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'closed' });
      const late = await partner().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Hello?',
        visibility: 'public',
      });
      expect(late.status).toBe(409);
      expect(late.body.type).toBe('https://casebridge.dev/problems/case-closed');
    });

    it('leaves a case resolved when the customer replies after the reopen window', async () => {
      const strict = await startTestApp({ REOPEN_WINDOW_DAYS: '0' });
      try {
        const customer = await createCustomer(strict.api);
        const opened = await openCase(strict.api, customer);
        await strict.api.post(`/v1/cases/${opened.id}/status`, { status: 'resolved' });
        const reply = await strict.api.post(`/v1/cases/${opened.id}/comments`, {
          body: 'Thanks!',
          visibility: 'public',
          authorType: 'customer',
        });
        expect(reply.status).toBe(201);
        expect((await strict.api.get(`/v1/cases/${opened.id}`)).body.status).toBe('resolved');
      } finally {
        await strict.close();
      }
    });
  });

  describe('PATCH /v1/cases/:id', () => {
    it('needs If-Match, refuses a stale version with 412, and records before/after', async () => {
      const opened = await openCase(agent(), customerId);
      const withoutPrecondition = await agent().patch(`/v1/cases/${opened.id}`, { severity: 'A' });
      expect(withoutPrecondition.status).toBe(428);

      const assignee = randomUUID();
      const updated = await agent().patch(
        `/v1/cases/${opened.id}`,
        { severity: 'A', assigneeId: assignee, tags: ['escalate-soon'], title: 'Outlook down for all' },
        { headers: { 'if-match': '"1"' } },
      );
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        severity: 'A',
        assigneeId: assignee,
        tags: ['escalate-soon'],
        title: 'Outlook down for all',
        version: 2,
      });
      expect(updated.headers.get('etag')).toBe('"2"');

      const stale = await agent().patch(
        `/v1/cases/${opened.id}`,
        { severity: 'B' },
        { headers: { 'if-match': '"1"' } },
      );
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        type: 'https://casebridge.dev/problems/stale-version',
        currentVersion: 2,
      });
      expect((await agent().get(`/v1/cases/${opened.id}`)).body.severity).toBe('A');

      const forced = await agent().patch(
        `/v1/cases/${opened.id}`,
        { assigneeId: null },
        { headers: { 'if-match': '*' } },
      );
      expect(forced.body).toMatchObject({ assigneeId: null, version: 3 });

      const updatedEvents = (await timelineOf(opened.id)).filter((event) => event.type === 'updated');
      expect(updatedEvents[0].data.changes).toEqual({
        severity: { from: 'C', to: 'A' },
        assigneeId: { from: null, to: assignee },
        tags: { from: [], to: ['escalate-soon'] },
        title: { from: 'Outlook cannot send mail', to: 'Outlook down for all' },
      });
      expect(updatedEvents[1].data.changes).toEqual({ assigneeId: { from: assignee, to: null } });
    });

    it('refuses nulls for required fields, unknown fields and integration keys', async () => {
      const opened = await openCase(agent(), customerId);
      const nullTitle = await agent().patch(
        `/v1/cases/${opened.id}`,
        { title: null },
        { headers: { 'if-match': '*' } },
      );
      expect(nullTitle.status).toBe(400);
      const unknown = await agent().patch(
        `/v1/cases/${opened.id}`,
        { status: 'closed' },
        { headers: { 'if-match': '*' } },
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'status', message: 'is not a known field' }]);
      expect(
        (await partner().patch(`/v1/cases/${opened.id}`, { severity: 'A' }, { headers: { 'if-match': '*' } }))
          .status,
      ).toBe(403);
    });

    it('serialises concurrent updates: exactly one of two racing writers with the same ETag wins', async () => {
      const opened = await openCase(agent(), customerId);
      const [first, second] = await Promise.all([
        agent().patch(`/v1/cases/${opened.id}`, { tags: ['first'] }, { headers: { 'if-match': '"1"' } }),
        agent().patch(`/v1/cases/${opened.id}`, { tags: ['second'] }, { headers: { 'if-match': '"1"' } }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const winner = first.status === 200 ? first : second;
      expect((await agent().get(`/v1/cases/${opened.id}`)).body.tags).toEqual(winner.body.tags);
    });
  });
});
