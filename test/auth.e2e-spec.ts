import { randomUUID } from 'node:crypto';
import { startPeer, startTestApp, type TestApp, tenantId, waitFor } from './support/test-app.js';

describe('API keys and access control', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const createCustomer = async () => {
    const response = await testApp.api.post('/v1/customers', {
      name: `Customer ${randomUUID()}`,
      tenantId: tenantId(),
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const createKey = async (body: object) => {
    const response = await testApp.api.post('/v1/api-keys', body);
    expect(response.status).toBe(201);
    return response.body as { id: string; key: string; role: string; customerIds: string[] };
  };

  describe('authentication', () => {
    it('answers 401 with a problem and a Bearer challenge when no key is sent', async () => {
      const response = await testApp.api.get('/v1/customers', { key: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(response.body).toMatchObject({
        type: 'https://casebridge.dev/problems/unauthenticated',
        title: 'Authentication is required',
        status: 401,
        instance: '/v1/customers',
      });
    });

    it('answers 401 for an unknown key and for a non-Bearer scheme', async () => {
      expect((await testApp.api.get('/v1/customers', { key: 'cbk_not-a-real-key' })).status).toBe(401);
      const basic = await testApp.api.get('/v1/customers', {
        key: null,
        headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
      });
      expect(basic.status).toBe(401);
    });

    it('accepts the bootstrap admin key and says who the caller is', async () => {
      const response = await testApp.api.get('/v1/me');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ role: 'admin', name: 'bootstrap admin', customerIds: [] });
    });
  });

  describe('creating keys', () => {
    it('shows the secret once and stores only what lists may show', async () => {
      const created = await createKey({ name: 'Helpdesk agent', role: 'agent' });
      expect(created.key).toMatch(/^cbk_[\w-]{43}$/);
      expect(created).toMatchObject({ name: 'Helpdesk agent', role: 'agent', customerIds: [] });

      const fetched = await testApp.api.get(`/v1/api-keys/${created.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).not.toHaveProperty('key');
      expect(fetched.body.keyPrefix).toBe(created.key.slice(0, 10));
      expect(JSON.stringify(fetched.body)).not.toContain(created.key.slice(10));

      const me = await testApp.api.get('/v1/me', { key: created.key });
      expect(me.body).toMatchObject({ keyId: created.id, role: 'agent' });
    });

    it('scopes integration keys to existing customers', async () => {
      const customerId = await createCustomer();
      const created = await createKey({ name: 'CRM', role: 'integration', customerIds: [customerId] });
      expect(created.customerIds).toEqual([customerId]);

      const missing = await testApp.api.post('/v1/api-keys', { name: 'CRM', role: 'integration' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { field: 'customerIds', message: 'an integration key needs at least one customer id' },
      ]);

      const unknownId = randomUUID();
      const unknown = await testApp.api.post('/v1/api-keys', {
        name: 'CRM',
        role: 'integration',
        customerIds: [customerId, unknownId],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        { field: 'customerIds[1]', message: `no customer with id ${unknownId}` },
      ]);

      const agentScoped = await testApp.api.post('/v1/api-keys', {
        name: 'Agent',
        role: 'agent',
        customerIds: [customerId],
      });
      expect(agentScoped.status).toBe(400);
      expect(agentScoped.body.errors[0].field).toBe('customerIds');
    });

    it('refuses unknown roles and fields with the fields at fault', async () => {
      const response = await testApp.api.post('/v1/api-keys', { name: '', role: 'root', scope: 'all' });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://casebridge.dev/problems/validation-failed');
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'name',
        'role',
        'scope',
      ]);
    });

    it('lets only admins manage keys (403 for agents and integrations)', async () => {
      const customerId = await createCustomer();
      const agent = await createKey({ name: 'Agent', role: 'agent' });
      const integration = await createKey({ name: 'Portal', role: 'integration', customerIds: [customerId] });
      for (const key of [agent.key, integration.key]) {
        const create = await testApp.api.post('/v1/api-keys', { name: 'x', role: 'admin' }, { key });
        expect(create.status).toBe(403);
        expect(create.body.type).toBe('https://casebridge.dev/problems/forbidden');
        expect((await testApp.api.get('/v1/api-keys', { key })).status).toBe(403);
        expect((await testApp.api.delete(`/v1/api-keys/${agent.id}`, { key })).status).toBe(403);
      }
    });
  });

  describe('listing', () => {
    it('pages through every key newest first without repeats', async () => {
      for (let index = 0; index < 5; index += 1) await createKey({ name: `Paged ${index}`, role: 'agent' });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await testApp.api.get(`/v1/api-keys${query}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await testApp.api.get('/v1/api-keys?limit=100');
      expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));
      const createdAt = all.body.items.map((item: { createdAt: string }) => item.createdAt);
      expect([...createdAt].sort().reverse()).toEqual(createdAt);
    });

    it('refuses a limit above 100 and a forged cursor', async () => {
      const tooMany = await testApp.api.get('/v1/api-keys?limit=101');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors[0].field).toBe('limit');
      const forged = await testApp.api.get('/v1/api-keys?cursor=not-a-cursor');
      expect(forged.status).toBe(400);
      expect(forged.body.errors[0].field).toBe('cursor');
    });
  });

  describe('revocation', () => {
    it('stops a key at once and is idempotent', async () => {
      const agent = await createKey({ name: 'Leaving agent', role: 'agent' });
      expect((await testApp.api.get('/v1/me', { key: agent.key })).status).toBe(200);

      const revoked = await testApp.api.delete(`/v1/api-keys/${agent.id}`);
      expect(revoked.status).toBe(204);
      expect((await testApp.api.get('/v1/me', { key: agent.key })).status).toBe(401);
      expect((await testApp.api.delete(`/v1/api-keys/${agent.id}`)).status).toBe(204);
      expect((await testApp.api.get(`/v1/api-keys/${agent.id}`)).body.revokedAt).toEqual(expect.any(String));
    });

    it('stops a revoked key in every process of the installation', async () => {
      const peer = await startPeer(testApp, { ROLE: 'api' });
      try {
        const agent = await createKey({ name: 'Roaming agent', role: 'agent' });
        // Both processes have now authenticated (and cached) the key.
        expect((await testApp.api.get('/v1/me', { key: agent.key })).status).toBe(200);
        expect((await peer.api!.get('/v1/me', { key: agent.key })).status).toBe(200);

        expect((await testApp.api.delete(`/v1/api-keys/${agent.id}`)).status).toBe(204);
        await waitFor(
          'the peer to refuse the revoked key',
          async () => ((await peer.api!.get('/v1/me', { key: agent.key })).status === 401 ? true : undefined),
          2000,
        );
      } finally {
        await peer.close();
      }
    });

    it('answers 404 for unknown and malformed ids', async () => {
      const unknown = await testApp.api.delete(`/v1/api-keys/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toBe('https://casebridge.dev/problems/api-key-not-found');
      const malformed = await testApp.api.get('/v1/api-keys/not-a-uuid');
      expect(malformed.status).toBe(404);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    });

    it('never revokes the last active admin key', async () => {
      const me = await testApp.api.get('/v1/me');
      const second = await createKey({ name: 'Second admin', role: 'admin' });
      // Two admins: revoking one is fine, revoking the other then is refused.
      expect((await testApp.api.delete(`/v1/api-keys/${second.id}`)).status).toBe(204);
      const last = await testApp.api.delete(`/v1/api-keys/${me.body.keyId}`);
      expect(last.status).toBe(409);
      expect(last.body.type).toBe('https://casebridge.dev/problems/last-admin-key');
      expect((await testApp.api.get('/v1/me')).status).toBe(200);
    });
  });
});
