import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, tenantId } from './support/test-app.js';

describe('customers and subscriptions', () => {
  let testApp: TestApp;
  let agentKey: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agentKey = (await testApp.api.post('/v1/api-keys', { name: 'Agent', role: 'agent' })).body.key;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const newCustomer = (overrides: object = {}) => ({
    name: 'Contoso (Shanghai) Ltd.',
    tenantId: tenantId(),
    domain: 'contoso.partner.onmschina.cn',
    locale: 'zh',
    timeZone: 'Asia/Shanghai',
    contacts: [{ name: 'Li Wei', email: 'li.wei@contoso.cn', phone: '+86 10 1234 5678' }],
    ...overrides,
  });

  const integrationKeyFor = async (...customerIds: string[]) =>
    (await testApp.api.post('/v1/api-keys', { name: 'Portal', role: 'integration', customerIds })).body
      .key as string;

  describe('POST /v1/customers', () => {
    it('creates a customer with contacts and defaults', async () => {
      const input = newCustomer();
      const response = await testApp.api.post('/v1/customers', input);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        ...input,
        id: expect.any(String),
        slaPolicyId: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const minimal = await testApp.api.post('/v1/customers', { name: 'Fabrikam', tenantId: tenantId() });
      expect(minimal.body).toMatchObject({
        locale: 'zh',
        timeZone: 'Asia/Shanghai',
        domain: null,
        contacts: [],
      });
    });

    it('refuses a second customer with the same tenant and names the first', async () => {
      const first = await testApp.api.post('/v1/customers', newCustomer());
      const again = await testApp.api.post('/v1/customers', newCustomer({ tenantId: first.body.tenantId }));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        type: 'https://casebridge.dev/problems/tenant-already-registered',
        existingCustomerId: first.body.id,
      });
      expect(again.body.detail).toContain(first.body.id);
    });

    it('lists every invalid field, nested ones included, and writes nothing', async () => {
      const before = await testApp.api.get('/v1/customers?limit=100');
      const response = await testApp.api.post('/v1/customers', {
        name: '',
        tenantId: 'not-a-tenant',
        locale: 'de',
        timeZone: 'Mars/Olympus',
        contacts: [
          { name: 'Ok', email: 'ok@example.cn' },
          { name: 'Bad', email: 'nope', fax: '1' },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', message: expect.any(String) },
          { field: 'tenantId', message: 'tenantId must be a tenant id (a UUID)' },
          { field: 'locale', message: expect.stringContaining('en, fr, zh') },
          { field: 'timeZone', message: 'timeZone must be an IANA time zone such as Asia/Shanghai' },
          { field: 'contacts[1].email', message: 'email must be an email address' },
          { field: 'contacts[1].fax', message: 'is not a known field' },
        ]),
      );
      const after = await testApp.api.get('/v1/customers?limit=100');
      expect(after.body.items.length).toBe(before.body.items.length);
    });

    it('refuses unknown fields, malformed JSON, non-object bodies, other media types and huge bodies', async () => {
      const unknown = await testApp.api.post('/v1/customers', { ...newCustomer(), vip: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'vip', message: 'is not a known field' }]);

      const malformed = await testApp.api.post('/v1/customers', undefined, {
        rawBody: '{"name": "Contoso",',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.type).toBe('https://casebridge.dev/problems/malformed-body');

      const array = await testApp.api.post('/v1/customers', [newCustomer()]);
      expect(array.status).toBe(400);
      expect(array.body.type).toBe('https://casebridge.dev/problems/malformed-body');

      const text = await testApp.api.post('/v1/customers', undefined, {
        rawBody: 'name=Contoso',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
      expect(text.headers.get('content-type')).toContain('application/problem+json');

      const huge = await testApp.api.post(
        '/v1/customers',
        newCustomer({ name: 'x'.repeat(2 * 1024 * 1024) }),
      );
      expect(huge.status).toBe(413);
      expect(huge.body.type).toBe('https://casebridge.dev/problems/payload-too-large');
    });

    it('is for admins only', async () => {
      const response = await testApp.api.post('/v1/customers', newCustomer(), { key: agentKey });
      expect(response.status).toBe(403);
    });
  });

  describe('reading and updating', () => {
    it('reads a customer, 404 for unknown and malformed ids', async () => {
      const created = await testApp.api.post('/v1/customers', newCustomer());
      const read = await testApp.api.get(`/v1/customers/${created.body.id}`, { key: agentKey });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);

      const unknown = await testApp.api.get(`/v1/customers/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toBe('https://casebridge.dev/problems/customer-not-found');
      expect((await testApp.api.get('/v1/customers/12345')).status).toBe(404);
    });

    it('updates fields, replaces contacts, clears optional ones and refuses nulls where a value is required', async () => {
      const created = await testApp.api.post('/v1/customers', newCustomer());
      const id = created.body.id as string;
      const updated = await testApp.api.patch(`/v1/customers/${id}`, {
        name: 'Contoso China',
        domain: null,
        locale: 'en',
        contacts: [{ name: 'Anna', email: 'anna@contoso.cn' }],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        name: 'Contoso China',
        domain: null,
        locale: 'en',
        contacts: [{ name: 'Anna', email: 'anna@contoso.cn' }],
        tenantId: created.body.tenantId,
      });
      expect(Date.parse(updated.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));

      const nullName = await testApp.api.patch(`/v1/customers/${id}`, { name: null });
      expect(nullName.status).toBe(400);
      expect(nullName.body.errors[0].field).toBe('name');
      expect((await testApp.api.get(`/v1/customers/${id}`)).body.name).toBe('Contoso China');

      const other = await testApp.api.post('/v1/customers', newCustomer());
      const clash = await testApp.api.patch(`/v1/customers/${id}`, { tenantId: other.body.tenantId });
      expect(clash.status).toBe(409);
      expect((await testApp.api.patch(`/v1/customers/${randomUUID()}`, { name: 'x' })).status).toBe(404);
      expect((await testApp.api.patch(`/v1/customers/${id}`, { name: 'x' }, { key: agentKey })).status).toBe(
        403,
      );
    });

    it('pages newest first across pages without repeats', async () => {
      for (let index = 0; index < 7; index += 1) await testApp.api.post('/v1/customers', newCustomer());
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await testApp.api.get(
          `/v1/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ids.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await testApp.api.get('/v1/customers?limit=100');
      expect(ids).toEqual(all.body.items.map((item: { id: string }) => item.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(7);
    });
  });

  describe('subscriptions', () => {
    it('adds, lists and updates the services a customer subscribes to', async () => {
      const customer = await testApp.api.post('/v1/customers', newCustomer());
      const id = customer.body.id as string;
      const azure = await testApp.api.post(`/v1/customers/${id}/subscriptions`, {
        service: 'azure',
        plan: 'Pay-as-you-go',
        region: 'china-north-3',
      });
      expect(azure.status).toBe(201);
      expect(azure.body).toMatchObject({
        customerId: id,
        service: 'azure',
        status: 'active',
        region: 'china-north-3',
      });
      const m365 = await testApp.api.post(`/v1/customers/${id}/subscriptions`, { service: 'microsoft365' });

      const list = await testApp.api.get(`/v1/customers/${id}/subscriptions`, { key: agentKey });
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([m365.body.id, azure.body.id]);
      expect(list.body.nextCursor).toBeNull();

      const suspended = await testApp.api.patch(`/v1/customers/${id}/subscriptions/${azure.body.id}`, {
        status: 'suspended',
      });
      expect(suspended.status).toBe(200);
      expect(suspended.body.status).toBe('suspended');
      const elsewhere = await testApp.api.patch(
        `/v1/customers/${randomUUID()}/subscriptions/${azure.body.id}`,
        {
          status: 'active',
        },
      );
      expect(elsewhere.status).toBe(404);
    });

    it('refuses unknown services and customers', async () => {
      const customer = await testApp.api.post('/v1/customers', newCustomer());
      const bad = await testApp.api.post(`/v1/customers/${customer.body.id}/subscriptions`, {
        service: 'aws',
        region: 'China North 3',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'region',
        'service',
      ]);
      const unknown = await testApp.api.post(`/v1/customers/${randomUUID()}/subscriptions`, {
        service: 'azure',
      });
      expect(unknown.status).toBe(404);
    });

    it('shows the health of each subscribed service', async () => {
      const customer = await testApp.api.post('/v1/customers', newCustomer());
      const id = customer.body.id as string;
      const azure = await testApp.api.post(`/v1/customers/${id}/subscriptions`, {
        service: 'azure',
        region: 'china-east-2',
      });
      const health = await testApp.api.get(`/v1/customers/${id}/service-health`, { key: agentKey });
      expect(health.status).toBe(200);
      expect(Date.parse(health.body.checkedAt)).not.toBeNaN();
      expect(health.body.services).toEqual([
        {
          subscriptionId: azure.body.id,
          service: 'azure',
          region: 'china-east-2',
          status: 'healthy',
          incidents: [],
        },
      ]);
      expect((await testApp.api.get(`/v1/customers/${randomUUID()}/service-health`)).status).toBe(404);
    });
  });

  describe('integration keys', () => {
    it('see only the customers they are scoped to; others are 404', async () => {
      const mine = await testApp.api.post('/v1/customers', newCustomer());
      const theirs = await testApp.api.post('/v1/customers', newCustomer());
      const key = await integrationKeyFor(mine.body.id);

      const list = await testApp.api.get('/v1/customers', { key });
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([mine.body.id]);
      expect((await testApp.api.get(`/v1/customers/${mine.body.id}`, { key })).status).toBe(200);

      const other = await testApp.api.get(`/v1/customers/${theirs.body.id}`, { key });
      expect(other.status).toBe(404);
      expect(other.body.type).toBe('https://casebridge.dev/problems/customer-not-found');
      expect((await testApp.api.get(`/v1/customers/${theirs.body.id}/subscriptions`, { key })).status).toBe(
        404,
      );
      expect((await testApp.api.get(`/v1/customers/${theirs.body.id}/service-health`, { key })).status).toBe(
        404,
      );
      expect((await testApp.api.post('/v1/customers', newCustomer(), { key })).status).toBe(403);
      expect(
        (await testApp.api.post(`/v1/customers/${mine.body.id}/subscriptions`, { service: 'azure' }, { key }))
          .status,
      ).toBe(403);
    });
  });
});
