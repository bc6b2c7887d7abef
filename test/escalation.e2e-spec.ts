import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PartnerCenterClient } from '../src/escalation/upstream/partner-center.client.js';
import { JobQueue } from '../src/queue/job-queue.service.js';
import { JobName, QueueName } from '../src/queue/queue.types.js';
import { FakePartnerCenter } from './support/fake-partner-center.js';
import { createKey, openCase } from './support/fixtures.js';
import { type ApiClient, startPeer, startTestApp, type TestApp, waitFor } from './support/test-app.js';

interface Scenario {
  tenantId: string;
  customerId: string;
  subscriptionId: string;
  caseId: string;
  caseNumber: number;
}

/** A customer with an Azure subscription and a severity-A case on it. */
async function scenario(api: ApiClient, agent: ApiClient, caseOverrides: object = {}): Promise<Scenario> {
  const tenantId = randomUUID();
  const customer = await api.post('/v1/customers', {
    name: `Contoso ${tenantId.slice(0, 6)}`,
    tenantId,
    locale: 'zh',
    contacts: [{ name: 'Li Wei', email: 'li.wei@contoso.cn', phone: '+86 10 1234 5678' }],
  });
  const subscription = await api.post(`/v1/customers/${customer.body.id}/subscriptions`, {
    service: 'azure',
    region: 'china-north-3',
  });
  const supportCase = await openCase(agent, customer.body.id, {
    subscriptionId: subscription.body.id,
    severity: 'A',
    title: 'Virtual machines do not start',
    description: 'All VMs in China North 3 fail to start since 08:00 with an allocation error.',
    ...caseOverrides,
  });
  return {
    tenantId,
    customerId: customer.body.id,
    subscriptionId: subscription.body.id,
    caseId: supportCase.id,
    caseNumber: supportCase.number,
  };
}

const escalate = (agent: ApiClient, caseId: string) =>
  agent.post(`/v1/cases/${caseId}/escalations`, {
    reason: 'Allocation failures although our quotas are fine; platform fault suspected.',
    triedSteps: 'Redeployed one VM; checked quotas and the activity log.',
  });

const whenState = (agent: ApiClient, escalationId: string, state: string, timeoutMs = 20_000) =>
  waitFor(
    `escalation ${escalationId} to be ${state}`,
    async () => {
      const current = (await agent.get(`/v1/escalations/${escalationId}`)).body;
      return current.state === state ? current : undefined;
    },
    timeoutMs,
  );

const timelineTypes = async (agent: ApiClient, caseId: string) =>
  ((await agent.get(`/v1/cases/${caseId}/timeline`)).body.items as { type: string }[]).map(
    (event) => event.type,
  );

describe('escalation to 21Vianet over the Partner Center API (http mode)', () => {
  const fake = new FakePartnerCenter({ clientId: 'casebridge', clientSecret: 'fake-secret-value' });
  let testApp: TestApp;
  let agent: ApiClient;
  let database: pg.Client;

  beforeAll(async () => {
    await fake.start();
    testApp = await startTestApp({
      VIANET_MODE: 'http',
      VIANET_API_URL: fake.url,
      VIANET_TOKEN_URL: fake.tokenUrl,
      VIANET_CLIENT_ID: fake.clientId,
      VIANET_CLIENT_SECRET: fake.clientSecret,
      VIANET_TIMEOUT_MS: '400',
      ESCALATION_BACKOFF_MS: '100',
      ESCALATION_MAX_ATTEMPTS: '4',
      VIANET_SYNC_INTERVAL_MS: '1000',
      OUTBOX_POLL_INTERVAL_MS: '100',
    });
    agent = testApp.api.withKey(await createKey(testApp.api, 'agent'));
    database = new pg.Client({ connectionString: testApp.environment.DATABASE_URL });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await testApp?.close();
    await fake.stop();
  });

  /** The service requests the fake created for one escalation (by its fixed MS-RequestId). */
  const createdFor = async (escalationId: string) => {
    const { rows } = await database.query<{ request_id: string }>(
      'SELECT request_id FROM escalations WHERE id = $1',
      [escalationId],
    );
    return fake.createdRequests().filter((request) => request.requestId === rows[0].request_id);
  };

  it('checks service health, escalates the case and files exactly one service request', async () => {
    const { caseId, caseNumber, tenantId, subscriptionId } = await scenario(testApp.api, agent);
    const accepted = await escalate(agent, caseId);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      caseId,
      mode: 'http',
      state: 'pending',
      upstreamId: null,
      healthCheck: {
        services: [{ subscriptionId, service: 'azure', region: 'china-north-3', status: 'healthy' }],
      },
      handoff: null,
    });
    expect((await agent.get(`/v1/cases/${caseId}`)).body.status).toBe('escalated');

    const submitted = await whenState(agent, accepted.body.id, 'submitted');
    const [created] = await createdFor(accepted.body.id);
    expect(submitted).toMatchObject({ upstreamId: created.id, attempts: 1, lastError: null });
    expect(created).toMatchObject({
      locale: 'zh-CN',
      severity: 'critical',
      organization: { id: tenantId },
      title: 'Virtual machines do not start',
    });
    expect(created.description).toContain(`#${caseNumber}`);
    expect(created.description).toContain(submitted.reference);
    expect(created.description).toContain('Redeployed one VM');
    expect(await createdFor(accepted.body.id)).toHaveLength(1);
    expect(await timelineTypes(agent, caseId)).toEqual(
      expect.arrayContaining(['escalation_requested', 'health_checked', 'escalation_submitted']),
    );

    const again = await escalate(agent, caseId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'https://casebridge.dev/problems/escalation-already-open',
      existingEscalationId: accepted.body.id,
    });
  });

  it('retries 5xx answers with back-off and still files one request', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    fake.failNext('create', { status: 500 });
    fake.failNext('create', { status: 503 });
    const accepted = await escalate(agent, caseId);
    const submitted = await whenState(agent, accepted.body.id, 'submitted');
    expect(submitted.attempts).toBe(3);
    expect(await createdFor(accepted.body.id)).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    fake.failNext('create', { status: 429, retryAfter: '2' });
    const accepted = await escalate(agent, caseId);
    const waited = await waitFor('the throttled attempt to be recorded', async () => {
      const { rows } = await database.query<{ wait_ms: number; last_error: string }>(
        `SELECT extract(epoch FROM next_attempt_at - updated_at) * 1000 AS wait_ms, last_error
         FROM escalations WHERE id = $1 AND attempts = 1 AND last_error IS NOT NULL`,
        [accepted.body.id],
      );
      return rows[0];
    });
    expect(waited.last_error).toContain('throttled (429)');
    expect(Number(waited.wait_ms)).toBeGreaterThanOrEqual(2000);
    await whenState(agent, accepted.body.id, 'submitted');
    expect(await createdFor(accepted.body.id)).toHaveLength(1);
  });

  it('does not file twice when the request was created but answered too late', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    fake.failNext('create', { createThenDelayMs: 1500 });
    const accepted = await escalate(agent, caseId);
    const submitted = await whenState(agent, accepted.body.id, 'submitted');
    const created = await createdFor(accepted.body.id);
    expect(created).toHaveLength(1);
    expect(submitted).toMatchObject({ upstreamId: created[0].id, attempts: 2 });
  });

  it('finds its request on a later page of the tenant’s list, when looking up before a retry and when syncing', async () => {
    const { caseId, tenantId } = await scenario(testApp.api, agent);
    for (const title of ['Older request 1', 'Older request 2', 'Older request 3']) {
      fake.fileElsewhere(tenantId, title);
    }
    fake.setPageSize(2);
    try {
      fake.failNext('create', { createThenDelayMs: 1500 });
      const accepted = await escalate(agent, caseId);
      const submitted = await whenState(agent, accepted.body.id, 'submitted');
      const created = await createdFor(accepted.body.id);
      expect(created).toHaveLength(1);
      expect(submitted).toMatchObject({ upstreamId: created[0].id, attempts: 2 });

      fake.addNote(created[0].id, { createdByName: 'Zhang Wei (21Vianet)', text: 'Read from page two.' });
      const note = await waitFor('the note on the second page to arrive', async () =>
        (
          (await agent.get(`/v1/cases/${caseId}/comments`)).body.items as {
            authorType: string;
            body: string;
          }[]
        ).find((comment) => comment.authorType === 'vianet'),
      );
      expect(note.body).toContain('Read from page two.');
      expect(fake.requestsTo('list').some((request) => request.path.endsWith('?seekOperation=Next'))).toBe(
        true,
      );
    } finally {
      fake.setPageSize(null);
    }
  });

  it('does not file twice when the connection drops, before or after the request was created', async () => {
    const { caseId: before } = await scenario(testApp.api, agent);
    fake.failNext('create', { dropConnection: true });
    const first = await escalate(agent, before);
    await whenState(agent, first.body.id, 'submitted');
    expect(await createdFor(first.body.id)).toHaveLength(1);

    const { caseId: after } = await scenario(testApp.api, agent);
    fake.failNext('create', { createThenDropConnection: true });
    const second = await escalate(agent, after);
    const submitted = await whenState(agent, second.body.id, 'submitted');
    const created = await createdFor(second.body.id);
    expect(created).toHaveLength(1);
    expect(submitted.upstreamId).toBe(created[0].id);
  });

  it('adopts a request filed by a worker that died before committing', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    // The first attempt is refused (nothing created) and the next one is two seconds away...
    fake.failNext('create', { status: 503, retryAfter: '2' });
    const accepted = await escalate(agent, caseId);
    await waitFor('the first attempt to fail', async () =>
      (await agent.get(`/v1/escalations/${accepted.body.id}`)).body.lastError ? true : undefined,
    );
    // ...meanwhile, "a worker" files the request with the escalation's reference and MS-RequestId, then dies.
    const { rows } = await database.query<{ request_id: string; tenant_id: string }>(
      `SELECT e.request_id, cu.tenant_id FROM escalations e JOIN cases c ON c.id = e.case_id
       JOIN customers cu ON cu.id = c.customer_id WHERE e.id = $1`,
      [accepted.body.id],
    );
    const lostWorker = new PartnerCenterClient({
      apiUrl: fake.url,
      tokenUrl: fake.tokenUrl,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      timeoutMs: 2000,
    });
    const orphan = await lostWorker.create({
      requestId: rows[0].request_id,
      correlationId: randomUUID(),
      locale: 'zh-CN',
      reference: accepted.body.reference,
      title: 'Virtual machines do not start',
      description: `Filed before a crash. CaseBridge reference ${accepted.body.reference}`,
      severity: 'critical',
      supportTopicId: '32444671',
      primaryContact: { firstName: 'Li', lastName: 'Wei', email: 'li.wei@contoso.cn' },
      organization: { id: rows[0].tenant_id, name: 'Contoso' },
    });
    const submitted = await whenState(agent, accepted.body.id, 'submitted');
    expect(submitted.upstreamId).toBe(orphan.id);
    expect(await createdFor(accepted.body.id)).toHaveLength(1);
  });

  it('files one request per escalation with two workers racing for them', async () => {
    const peer = await startPeer(testApp, { ROLE: 'worker' });
    try {
      const scenarios = await Promise.all(Array.from({ length: 6 }, () => scenario(testApp.api, agent)));
      const accepted = await Promise.all(scenarios.map(({ caseId }) => escalate(agent, caseId)));
      // Extra submissions of the same escalations, picked up by both workers.
      const jobs = testApp.app.get(JobQueue);
      for (const { body } of accepted) {
        for (const attempt of [101, 102, 103]) {
          await jobs.enqueue({ name: JobName.SubmitEscalation, data: { escalationId: body.id, attempt } });
        }
      }
      for (const { body } of accepted) await whenState(agent, body.id, 'submitted');
      for (const { body } of accepted) expect(await createdFor(body.id)).toHaveLength(1);
    } finally {
      await peer.close();
    }
  });

  it('fails visibly after the attempt limit, sends the case back to work, and retries on request', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    for (let index = 0; index < 4; index += 1) fake.failNext('create', { status: 500 });
    const accepted = await escalate(agent, caseId);
    const failed = await whenState(agent, accepted.body.id, 'failed');
    expect(failed).toMatchObject({ attempts: 4, upstreamId: null });
    expect(failed.lastError).toContain('unavailable (500)');
    expect((await agent.get(`/v1/cases/${caseId}`)).body.status).toBe('in_progress');
    expect(await timelineTypes(agent, caseId)).toContain('escalation_failed');
    const listed = await agent.get('/v1/escalations?state=failed&limit=100');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(accepted.body.id);
    expect(await createdFor(accepted.body.id)).toHaveLength(0);

    const retried = await agent.post(`/v1/escalations/${accepted.body.id}/retry`);
    expect(retried.status).toBe(202);
    expect((await agent.get(`/v1/cases/${caseId}`)).body.status).toBe('escalated');
    await whenState(agent, accepted.body.id, 'submitted');
    expect(await createdFor(accepted.body.id)).toHaveLength(1);
    expect((await agent.post(`/v1/escalations/${accepted.body.id}/retry`)).status).toBe(409);
  });

  it('gives up at once on a request 21Vianet rejects', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    fake.failNext('create', {
      status: 400,
      body: { code: 'invalid', description: 'SupportTopicId unknown' },
    });
    const accepted = await escalate(agent, caseId);
    const failed = await whenState(agent, accepted.body.id, 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('rejected (400)');
    expect(failed.lastError).not.toContain(fake.clientSecret);
  });

  it("keeps both sides in step: 21Vianet's notes come in once, agents' replies go out once, closure resolves", async () => {
    const { caseId } = await scenario(testApp.api, agent);
    const accepted = await escalate(agent, caseId);
    const { upstreamId } = await whenState(agent, accepted.body.id, 'submitted');

    fake.addNote(upstreamId, {
      createdByName: 'Zhang Wei (21Vianet)',
      text: 'We see allocation failures in CN3; investigating.',
    });
    const vianetComments = async () =>
      (
        (await agent.get(`/v1/cases/${caseId}/comments`)).body.items as { authorType: string; body: string }[]
      ).filter((comment) => comment.authorType === 'vianet');
    await waitFor('the 21Vianet note to arrive', async () =>
      (await vianetComments()).length > 0 ? true : undefined,
    );

    await agent.post(`/v1/cases/${caseId}/comments`, {
      body: 'Customer confirms all VMs of the subscription.',
      visibility: 'public',
    });
    await agent.post(`/v1/cases/${caseId}/comments`, {
      body: 'Internal: VIP customer',
      visibility: 'internal',
    });
    const partnerNotes = () =>
      fake
        .serviceRequest(upstreamId)!
        .notes.filter((note) => note.text === 'Customer confirms all VMs of the subscription.');
    await waitFor('the agent reply to reach 21Vianet', () => (partnerNotes().length > 0 ? true : undefined));

    // More synchronisations change nothing: each note once, in each direction.
    const jobs = testApp.app.get(JobQueue);
    for (let index = 0; index < 3; index += 1)
      await jobs.enqueue({ name: JobName.SyncEscalations, data: {} });
    await waitFor('the syncs to run', async () => {
      const counts = await jobs.queue(QueueName.Escalation).getJobCounts('waiting', 'active');
      return counts.waiting + counts.active === 0 ? true : undefined;
    });
    expect(await vianetComments()).toEqual([
      expect.objectContaining({
        body: 'We see allocation failures in CN3; investigating.',
        visibility: 'internal',
      }),
    ]);
    expect(partnerNotes()).toHaveLength(1);
    expect(
      fake.serviceRequest(upstreamId)!.notes.some((note) => note.text === 'Internal: VIP customer'),
    ).toBe(false);

    fake.setStatusEncoding('integer');
    fake.close(upstreamId);
    const resolved = await waitFor('the case to be resolved by 21Vianet', async () => {
      const current = (await agent.get(`/v1/cases/${caseId}`)).body;
      return current.status === 'resolved' ? current : undefined;
    });
    fake.setStatusEncoding('string');
    expect(resolved.resolution).toMatchObject({ type: 'vianet' });
    expect((await agent.get(`/v1/escalations/${accepted.body.id}`)).body).toMatchObject({ state: 'closed' });
    expect(await timelineTypes(agent, caseId)).toContain('escalation_closed');
  });

  it('is for agents and admins; integration keys get 403 and unknown ids 404', async () => {
    const { caseId, customerId } = await scenario(testApp.api, agent);
    const partner = testApp.api.withKey(await createKey(testApp.api, 'integration', [customerId]));
    expect((await escalate(partner, caseId)).status).toBe(403);
    expect((await escalate(agent, randomUUID())).status).toBe(404);
    expect((await agent.get(`/v1/escalations/${randomUUID()}`)).status).toBe(404);
    expect((await agent.post(`/v1/cases/${caseId}/escalations`, { reason: '' })).status).toBe(400);
    expect((await agent.post(`/v1/escalations/${randomUUID()}/handoff`, { upstreamId: 'x' })).status).toBe(
      404,
    );
  });
});

describe('escalation by hand-off in the Partner Center portal (portal mode)', () => {
  let testApp: TestApp;
  let agent: ApiClient;
  let database: pg.Client;

  beforeAll(async () => {
    testApp = await startTestApp({ VIANET_MODE: 'portal', ESCALATION_REMINDER_MINUTES: '30' });
    agent = testApp.api.withKey(await createKey(testApp.api, 'agent'));
    database = new pg.Client({ connectionString: testApp.environment.DATABASE_URL });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await testApp?.close();
  });

  const runSweep = () => testApp.app.get(JobQueue).enqueue({ name: JobName.EscalationSweep, data: {} });
  const reminders = async (caseId: string) =>
    ((await agent.get(`/v1/cases/${caseId}/timeline`)).body.items as { type: string }[]).filter(
      (event) => event.type === 'escalation_reminder',
    ).length;

  it('prepares the hand-off packet, reminds on the SLA calendar, records the request number and the answers', async () => {
    const { caseId, tenantId, caseNumber } = await scenario(testApp.api, agent);
    const accepted = await escalate(agent, caseId);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ mode: 'portal', state: 'awaiting_handoff', upstreamId: null });
    const { text, json } = accepted.body.handoff;
    expect(json).toMatchObject({
      customer: { tenantId },
      service: 'azure',
      severity: 'critical',
      reason: expect.stringContaining('platform fault'),
      triedSteps: expect.stringContaining('Redeployed'),
      contact: { email: 'li.wei@contoso.cn' },
      partnerCase: caseNumber,
    });
    expect(json.healthCheck.services[0]).toMatchObject({ service: 'azure', status: 'healthy' });
    expect(json.timeline.length).toBeGreaterThan(0);
    for (const part of [
      tenantId,
      'Severity: critical',
      'Steps already tried',
      'Timeline:',
      'li.wei@contoso.cn',
    ]) {
      expect(text).toContain(part);
    }
    expect((await agent.get(`/v1/cases/${caseId}`)).body.status).toBe('escalated');

    // A reminder when it falls due, and the next one 30 minutes of calendar time later.
    await database.query(
      `UPDATE escalations SET next_reminder_at = now() - interval '1 second' WHERE id = $1`,
      [accepted.body.id],
    );
    await runSweep();
    await waitFor('a reminder to file the request', async () =>
      (await reminders(caseId)) === 1 ? true : undefined,
    );
    const next = await database.query<{ minutes: number }>(
      `SELECT extract(epoch FROM next_reminder_at - now()) / 60 AS minutes FROM escalations WHERE id = $1`,
      [accepted.body.id],
    );
    expect(Number(next.rows[0].minutes)).toBeGreaterThan(29);
    expect(Number(next.rows[0].minutes)).toBeLessThanOrEqual(30);

    const handed = await agent.post(`/v1/escalations/${accepted.body.id}/handoff`, {
      upstreamId: '2511240010001234',
    });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ state: 'submitted', upstreamId: '2511240010001234' });
    expect(handed.body.submittedAt).toEqual(expect.any(String));
    expect(
      (await agent.post(`/v1/escalations/${accepted.body.id}/handoff`, { upstreamId: 'again' })).status,
    ).toBe(409);

    const answered = await agent.post(`/v1/escalations/${accepted.body.id}/notes`, {
      text: '21Vianet: a host cluster in CN3 is degraded; mitigation in progress.',
    });
    expect(answered.status).toBe(200);
    const comments = (await agent.get(`/v1/cases/${caseId}/comments`)).body.items as {
      authorType: string;
      body: string;
    }[];
    expect(
      comments.filter((comment) => comment.authorType === 'vianet').map((comment) => comment.body),
    ).toEqual(['21Vianet: a host cluster in CN3 is degraded; mitigation in progress.']);
    // Answered: no more reminders.
    await database.query(
      `UPDATE escalations SET next_reminder_at = now() - interval '1 second' WHERE id = $1`,
      [accepted.body.id],
    );
    await runSweep();
    const closing = await agent.post(`/v1/escalations/${accepted.body.id}/notes`, {
      text: 'Mitigated; closing the request.',
      closesRequest: true,
    });
    expect(closing.body).toMatchObject({ state: 'closed' });
    const resolved = (await agent.get(`/v1/cases/${caseId}`)).body;
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { type: 'vianet' } });
    expect(await reminders(caseId)).toBe(1);
    expect(await timelineTypes(agent, caseId)).toEqual(
      expect.arrayContaining(['escalation_submitted', 'escalation_closed']),
    );
  });
});

describe('escalation end to end with the simulated 21Vianet (default mode), and automatic escalation', () => {
  let testApp: TestApp;
  let agent: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp({
      VIANET_MODE: 'simulator',
      VIANET_SIMULATOR_REPLY_MS: '200',
      VIANET_SIMULATOR_CLOSE_MS: '800',
      VIANET_SYNC_INTERVAL_MS: '1000',
      OUTBOX_POLL_INTERVAL_MS: '100',
    });
    agent = testApp.api.withKey(await createKey(testApp.api, 'agent'));
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('is accepted, answered and closed by 21Vianet, which resolves the case', async () => {
    const { caseId } = await scenario(testApp.api, agent);
    const accepted = await escalate(agent, caseId);
    const submitted = await whenState(agent, accepted.body.id, 'submitted');
    expect(submitted.upstreamId).toMatch(/^SIM-/);
    const resolved = await waitFor(
      'the simulated 21Vianet to close the request',
      async () => {
        const current = (await agent.get(`/v1/cases/${caseId}`)).body;
        return current.status === 'resolved' ? current : undefined;
      },
      20_000,
    );
    expect(resolved.resolution).toMatchObject({ type: 'vianet' });
    const comments = (await agent.get(`/v1/cases/${caseId}/comments`)).body.items as { authorType: string }[];
    expect(comments.filter((comment) => comment.authorType === 'vianet').length).toBeGreaterThanOrEqual(1);
  });

  it('escalates a severity A case automatically at the share of its resolution target the policy sets, and pauses it', async () => {
    const policy = await testApp.api.post('/v1/sla-policies', {
      name: `Auto ${randomUUID()}`,
      calendar: { type: '24x7' },
      pauseWhileEscalated: true,
      autoEscalation: { atPercent: 50, severities: ['A'] },
      targets: {
        A: { first_response: 60, resolution: 120 },
        B: { first_response: 60, resolution: 120 },
        C: { first_response: 60, resolution: 120 },
      },
    });
    expect(policy.status).toBe(201);
    expect(policy.body.autoEscalation).toEqual({ atPercent: 50, severities: ['A'] });
    const tenantId = randomUUID();
    const customer = await testApp.api.post('/v1/customers', {
      name: 'Auto',
      tenantId,
      slaPolicyId: policy.body.id,
    });
    // Reported 61 minutes ago: past 50 % of the 120-minute resolution target.
    const late = await openCase(agent, customer.body.id, {
      severity: 'A',
      reportedAt: new Date(Date.now() - 61 * 60_000).toISOString(),
    });
    const minor = await openCase(agent, customer.body.id, {
      severity: 'C',
      reportedAt: new Date(Date.now() - 61 * 60_000).toISOString(),
    });
    const [automatic] = await waitFor('the automatic escalation', async () => {
      const items = (await agent.get(`/v1/cases/${late.id}/escalations`)).body.items as {
        automatic: boolean;
      }[];
      return items.length > 0 ? items : undefined;
    });
    expect(automatic).toMatchObject({ automatic: true, caseId: late.id });
    const sla = await waitFor('the resolution clock to pause while escalated', async () => {
      const current = (await agent.get(`/v1/cases/${late.id}/sla`)).body;
      const resolution = current.metrics.find((metric: { metric: string }) => metric.metric === 'resolution');
      return resolution.state === 'paused' ? resolution : undefined;
    });
    expect(sla.dueAt).toBeNull();
    expect((await agent.get(`/v1/cases/${minor.id}/escalations`)).body.items).toEqual([]);
  });
});
