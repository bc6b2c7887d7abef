import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SlaClockService } from '../src/sla/sla-clock.service.js';
import { allPages, createCustomer, createKey, openCase } from './support/fixtures.js';
import { startTestApp, type TestApp, waitFor } from './support/test-app.js';

const MINUTE = 60_000;

const targets = (first: number, resolution: number, next: number | null = null) => ({
  A: { first_response: first, next_response: next, resolution },
  B: { first_response: first * 2, next_response: next, resolution: resolution * 2 },
  C: { first_response: first * 4, next_response: next, resolution: resolution * 4 },
});

describe('the 24/7 SLA clock', () => {
  let testApp: TestApp;
  let agentKey: string;

  beforeAll(async () => {
    testApp = await startTestApp({ SLA_SWEEP_INTERVAL_MS: '1000', OUTBOX_POLL_INTERVAL_MS: '200' });
    agentKey = await createKey(testApp.api, 'agent');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const agent = () => testApp.api.withKey(agentKey);
  const slaOf = async (caseId: string) => {
    const response = await agent().get(`/v1/cases/${caseId}/sla`);
    expect(response.status).toBe(200);
    return response.body as { policyId: string; policyVersion: number; metrics: any[]; computedAt: string };
  };
  const metric = (sla: { metrics: any[] }, name: string) => sla.metrics.find((item) => item.metric === name);
  const timelineOf = async (caseId: string) =>
    (await agent().get(`/v1/cases/${caseId}/timeline`)).body.items as any[];
  const createPolicy = async (body: object) => {
    const response = await testApp.api.post('/v1/sla-policies', body);
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };
  const customerOn = async (slaPolicyId: string) => createCustomer(testApp.api, { slaPolicyId });

  describe('policies', () => {
    it('has the default 24x7 policy of DESIGN.md', async () => {
      const list = await agent().get('/v1/sla-policies');
      expect(list.status).toBe(200);
      const defaults = list.body.items.filter((policy: { isDefault: boolean }) => policy.isDefault);
      expect(defaults).toEqual([
        expect.objectContaining({
          name: 'Default 24x7',
          version: 1,
          calendar: { type: '24x7' },
          warnAtPercent: 75,
          pauseWhileEscalated: false,
          targets: {
            A: { first_response: 60, next_response: 120, resolution: 480 },
            B: { first_response: 240, next_response: 480, resolution: 2880 },
            C: { first_response: 480, next_response: 1440, resolution: 7200 },
          },
        }),
      ]);
    });

    it('refuses invalid calendars and targets with the fields at fault', async () => {
      const response = await testApp.api.post('/v1/sla-policies', {
        name: 'Broken',
        calendar: {
          type: 'business_hours',
          timeZone: 'Asia/Atlantis',
          weekly: [
            { day: 1, start: '09:00', end: '12:00' },
            { day: 1, start: '11:00', end: '13:00' },
            { day: 2, start: '18:00', end: '09:00' },
          ],
          holidays: ['2026-02-30'],
        },
        targets: { ...targets(60, 480), B: { first_response: 0, resolution: 100 } },
      });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'calendar.timeZone',
          'calendar.weekly[2].end',
          'targets.B.first_response',
          'calendar.holidays[0]',
        ]),
      );
      expect(
        response.body.errors.some((error: { field: string }) => /calendar\.weekly\[[01]\]/.test(error.field)),
      ).toBe(true);
      expect(
        (
          await testApp.api.post('/v1/sla-policies', {
            name: 'x',
            calendar: { type: 'weekly' },
            targets: targets(1, 2),
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await agent().post('/v1/sla-policies', {
            name: 'x',
            calendar: { type: '24x7' },
            targets: targets(1, 2),
          })
        ).status,
      ).toBe(403);
    });

    it('pages policies newest first with their current version', async () => {
      const created: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        created.push(
          (
            await createPolicy({
              name: `Paged ${index}`,
              calendar: { type: '24x7' },
              targets: targets(30, 240),
            })
          ).id,
        );
      }
      await testApp.api.put(`/v1/sla-policies/${created[1]}`, {
        name: 'Paged 1 (revised)',
        calendar: { type: '24x7' },
        targets: targets(15, 120),
      });
      const paged = await allPages<{ id: string; name: string; version: number }>(
        agent(),
        '/v1/sla-policies',
        2,
      );
      expect(new Set(paged.map((policy) => policy.id)).size).toBe(paged.length);
      const mine = paged.filter((policy) => created.includes(policy.id));
      expect(mine.map((policy) => policy.id)).toEqual([...created].reverse());
      expect(mine.map((policy) => [policy.name, policy.version])).toEqual([
        ['Paged 3', 1],
        ['Paged 2', 1],
        ['Paged 1 (revised)', 2],
        ['Paged 0', 1],
      ]);
    });

    it('versions a policy: a change applies to cases opened afterwards', async () => {
      const policy = await createPolicy({
        name: `Gold ${randomUUID()}`,
        calendar: { type: '24x7' },
        targets: targets(30, 240),
      });
      const customerId = await customerOn(policy.id);
      const before = await openCase(agent(), customerId, { severity: 'A' });

      const replaced = await testApp.api.put(`/v1/sla-policies/${policy.id}`, {
        name: 'Gold (revised)',
        calendar: { type: '24x7' },
        targets: targets(15, 120),
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ version: 2, name: 'Gold (revised)' });
      const after = await openCase(agent(), customerId, { severity: 'A' });

      expect(metric(await slaOf(before.id), 'first_response').targetMinutes).toBe(30);
      expect((await slaOf(before.id)).policyVersion).toBe(1);
      expect(metric(await slaOf(after.id), 'first_response').targetMinutes).toBe(15);
      const missing = await testApp.api.put(`/v1/sla-policies/${randomUUID()}`, {
        name: 'Nobody',
        calendar: { type: '24x7' },
        targets: targets(15, 120),
      });
      expect(missing.status).toBe(404);
    });

    it('refuses an unknown policy on a customer', async () => {
      const unknown = randomUUID();
      const response = await testApp.api.post('/v1/customers', {
        name: 'x',
        tenantId: randomUUID(),
        slaPolicyId: unknown,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'slaPolicyId', message: `no SLA policy with id ${unknown}` },
      ]);
    });
  });

  describe('clocks through the API', () => {
    it('runs a 24x7 clock from reportedAt', async () => {
      const customerId = await createCustomer(testApp.api);
      const reportedAt = new Date(Date.now() - 30 * MINUTE);
      reportedAt.setMilliseconds(0);
      const opened = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: reportedAt.toISOString(),
      });
      const sla = await slaOf(opened.id);
      const first = metric(sla, 'first_response');
      expect(first).toMatchObject({
        state: 'running',
        targetMinutes: 60,
        dueAt: new Date(reportedAt.getTime() + 60 * MINUTE).toISOString(),
        breached: false,
        completedAt: null,
      });
      const elapsed = (Date.parse(sla.computedAt) - reportedAt.getTime()) / 1000;
      expect(first.elapsedSeconds).toBe(Math.floor(elapsed));
      expect(metric(sla, 'resolution').dueAt).toBe(
        new Date(reportedAt.getTime() + 480 * MINUTE).toISOString(),
      );
      expect(metric(sla, 'next_response')).toBeUndefined();
    });

    it('counts only business hours (Asia/Shanghai, lunch break) and is exact across a weekend', async () => {
      const policy = await createPolicy({
        name: `Shanghai office ${randomUUID()}`,
        calendar: {
          type: 'business_hours',
          timeZone: 'Asia/Shanghai',
          weekly: [1, 2, 3, 4, 5].flatMap((day) => [
            { day, start: '09:00', end: '12:00' },
            { day, start: '13:30', end: '18:00' },
          ]),
          holidays: [],
        },
        targets: targets(60, 480),
      });
      const customerId = await customerOn(policy.id);
      // Friday 20 November 2026, 17:00 in Shanghai (09:00Z).
      const opened = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: '2026-11-20T17:00:00+08:00',
      });
      const sla = await slaOf(opened.id);
      // 60 min: Friday 17:00-18:00 → due Friday 18:00 (10:00Z), exactly at closing.
      expect(metric(sla, 'first_response')).toMatchObject({
        dueAt: '2026-11-20T10:00:00.000Z',
        breached: true,
        breachedAt: '2026-11-20T10:00:00.000Z',
      });
      // 480 min: Friday 17:00-18:00 (60), Monday 09:00-12:00 (180), 13:30-17:30 (240) → Monday 17:30 (09:30Z).
      expect(metric(sla, 'resolution')).toMatchObject({ dueAt: '2026-11-23T09:30:00.000Z', breached: true });
    });

    it('pauses resolution while awaiting the customer and resumes on their reply', async () => {
      const customerId = await createCustomer(testApp.api);
      const opened = await openCase(agent(), customerId, { severity: 'B' });
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'in_progress' });
      await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Could you send the logs?',
        visibility: 'public',
      });
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'awaiting_customer' });

      const paused = await slaOf(opened.id);
      expect(metric(paused, 'first_response')).toMatchObject({ state: 'completed', breached: false });
      expect(metric(paused, 'resolution')).toMatchObject({ state: 'paused', dueAt: null });

      await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Here they are',
        visibility: 'public',
        authorType: 'customer',
      });
      const resumed = await slaOf(opened.id);
      expect(metric(resumed, 'resolution').state).toBe('running');
      expect(metric(resumed, 'next_response')).toMatchObject({
        state: 'running',
        cycle: 1,
        targetMinutes: 480,
      });
      // The paused time does not count: due is later than reportedAt + 2880 minutes.
      expect(Date.parse(metric(resumed, 'resolution').dueAt)).toBeGreaterThan(
        Date.parse(opened.reportedAt) + 2880 * MINUTE,
      );
    });

    it('re-targets running clocks when the severity changes, against the time already counted', async () => {
      const customerId = await createCustomer(testApp.api);
      const reportedAt = new Date(Date.now() - 10 * MINUTE).toISOString();
      const opened = await openCase(agent(), customerId, { reportedAt, severity: 'C' });
      expect(metric(await slaOf(opened.id), 'first_response').targetMinutes).toBe(480);
      await agent().patch(`/v1/cases/${opened.id}`, { severity: 'A' }, { headers: { 'if-match': '*' } });
      const retargeted = metric(await slaOf(opened.id), 'first_response');
      expect(retargeted).toMatchObject({
        targetMinutes: 60,
        dueAt: new Date(Date.parse(reportedAt) + 60 * MINUTE).toISOString(),
      });
    });

    it('resumes resolution after a reopen with the time already counted', async () => {
      const customerId = await createCustomer(testApp.api);
      const opened = await openCase(agent(), customerId, { severity: 'C' });
      await agent().post(`/v1/cases/${opened.id}/status`, { status: 'resolved' });
      const resolved = metric(await slaOf(opened.id), 'resolution');
      expect(resolved.state).toBe('completed');
      await agent().post(`/v1/cases/${opened.id}/comments`, {
        body: 'Not fixed',
        visibility: 'public',
        authorType: 'customer',
      });
      const reopened = metric(await slaOf(opened.id), 'resolution');
      expect(reopened).toMatchObject({ state: 'running', completedAt: null });
      expect(reopened.elapsedSeconds).toBeGreaterThanOrEqual(resolved.elapsedSeconds);
    });
  });

  describe('timers and breaches', () => {
    const breachesOf = async (caseId: string) =>
      (await timelineOf(caseId)).filter((event) => event.type === 'sla_breached');

    it('records a breach once, close to its due instant, and lists the case as breached', async () => {
      const policy = await createPolicy({
        name: `Tight ${randomUUID()}`,
        calendar: { type: '24x7' },
        targets: targets(1, 60),
      });
      const customerId = await customerOn(policy.id);
      // Due 3 s from now: reported 57 s ago with a 1-minute first-response target.
      const reportedAt = new Date(Date.now() - 57_000);
      const opened = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: reportedAt.toISOString(),
      });
      const dueAt = reportedAt.getTime() + MINUTE;

      const scheduled = await waitFor('the SLA state to be stored', async () => {
        const current = (await agent().get(`/v1/cases/${opened.id}`)).body;
        return current.slaDueAt ? current : undefined;
      });
      expect(scheduled.slaDueAt).toBe(new Date(dueAt).toISOString());

      const [breach] = await waitFor('the breach to be recorded', async () => {
        const breaches = await breachesOf(opened.id);
        return breaches.length > 0 ? breaches : undefined;
      });
      expect(breach).toMatchObject({
        actor: { type: 'system' },
        data: { metric: 'first_response', cycle: '1', dueAt: new Date(dueAt).toISOString() },
      });
      const lagMs = Date.parse(breach.at) - dueAt;
      expect(lagMs).toBeGreaterThan(0);
      // Close to the due instant (the benchmark measures the precision; this only catches a lost timer).
      expect(lagMs).toBeLessThan(5000);

      // However often the clock is recomputed, the breach stays recorded once.
      const clock = testApp.app.get(SlaClockService);
      await Promise.all(Array.from({ length: 5 }, () => clock.recompute(opened.id)));
      expect(await breachesOf(opened.id)).toHaveLength(1);
      const warnings = (await timelineOf(opened.id)).filter((event) => event.type === 'sla_warning');
      expect(warnings).toHaveLength(1);

      const breached = await agent().get(`/v1/cases?breached=true&customerId=${customerId}`);
      expect(breached.body.items.map((item: { id: string }) => item.id)).toEqual([opened.id]);
      expect(breached.body.items[0].slaBreached).toBe(true);
    });

    it('runs the clocks of a case reported a little in the future (a fast partner clock) from now', async () => {
      const customerId = await createCustomer(testApp.api);
      const before = Date.now();
      const opened = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: new Date(Date.now() + 2 * MINUTE).toISOString(),
      });
      expect(Date.parse(opened.reportedAt)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(opened.reportedAt)).toBeGreaterThanOrEqual(before - 1000);
      const first = metric(await slaOf(opened.id), 'first_response');
      expect(first).toMatchObject({ state: 'running', targetMinutes: 60 });
      const stored = await waitFor('the deadline to be stored', async () => {
        const current = (await agent().get(`/v1/cases/${opened.id}`)).body;
        return current.slaDueAt ? current : undefined;
      });
      expect(stored.slaDueAt).toBe(first.dueAt);
    });

    it('lists cases due soon from the stored deadlines', async () => {
      const customerId = await createCustomer(testApp.api);
      const soon = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: new Date(Date.now() - 30 * MINUTE).toISOString(),
      });
      const later = await openCase(agent(), customerId, { severity: 'C' });
      await waitFor('both SLA states to be stored', async () => {
        const items = (await agent().get(`/v1/cases?customerId=${customerId}`)).body.items;
        return items.every((item: { slaDueAt: string | null }) => item.slaDueAt) ? true : undefined;
      });
      const inAnHour = new Date(Date.now() + 60 * MINUTE).toISOString();
      const due = await agent().get(`/v1/cases?customerId=${customerId}&dueBefore=${inAnHour}`);
      expect(due.body.items.map((item: { id: string }) => item.id)).toEqual([soon.id]);
      const allDue = await agent().get(
        `/v1/cases?customerId=${customerId}&dueBefore=${new Date(Date.now() + 9 * 24 * 60 * MINUTE).toISOString()}`,
      );
      expect(allDue.body.items.map((item: { id: string }) => item.id)).toEqual([later.id, soon.id]);
    });

    it('loses no breach when Redis is flushed: the sweeper records it', async () => {
      const policy = await createPolicy({
        name: `Flush ${randomUUID()}`,
        calendar: { type: '24x7' },
        targets: targets(1, 60),
      });
      const customerId = await customerOn(policy.id);
      const reportedAt = new Date(Date.now() - 56_000);
      const opened = await openCase(agent(), customerId, {
        severity: 'A',
        reportedAt: reportedAt.toISOString(),
      });
      await waitFor('the timer to be scheduled', async () =>
        (await agent().get(`/v1/cases/${opened.id}`)).body.slaDueAt ? true : undefined,
      );

      // Lose every job, timer and schedule of this installation.
      const redis = new Redis(testApp.environment.REDIS_URL);
      try {
        const keys = await redis.keys(`${testApp.environment.QUEUE_PREFIX}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }

      const breaches = await waitFor(
        'the sweeper to record the breach',
        async () => {
          const found = await breachesOf(opened.id);
          return found.length > 0 ? found : undefined;
        },
        20_000,
      );
      expect(breaches).toHaveLength(1);
      expect(breaches[0].data.metric).toBe('first_response');
    });
  });
});
