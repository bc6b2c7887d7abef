import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildCaseListQuery, type CaseListFilter } from '../src/cases/case.repository.js';
import { allPages, createCustomer, createKey, openCase } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('cases: listing, search and isolation', () => {
  let testApp: TestApp;
  let mine: string;
  let theirs: string;
  let partnerKey: string;

  beforeAll(async () => {
    // API only: no worker triages the cases under the assertions.
    testApp = await startTestApp({ ROLE: 'api' });
    mine = await createCustomer(testApp.api);
    theirs = await createCustomer(testApp.api);
    partnerKey = await createKey(testApp.api, 'integration', [mine]);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

  describe('filters and pagination', () => {
    it('filters by customer, status, severity, category and assignee, newest first', async () => {
      const customer = await createCustomer(testApp.api);
      const assignee = randomUUID();
      const billing = await openCase(testApp.api, customer, { category: 'billing', severity: 'B' });
      const critical = await openCase(testApp.api, customer, { severity: 'A', category: 'availability' });
      const assigned = await openCase(testApp.api, customer, { category: 'billing' });
      await testApp.api.patch(
        `/v1/cases/${assigned.id}`,
        { assigneeId: assignee },
        { headers: { 'if-match': '*' } },
      );
      await testApp.api.post(`/v1/cases/${critical.id}/status`, { status: 'in_progress' });

      const base = `/v1/cases?customerId=${customer}`;
      expect(ids(await testApp.api.get(base))).toEqual([assigned.id, critical.id, billing.id]);
      expect(ids(await testApp.api.get(`${base}&status=in_progress`))).toEqual([critical.id]);
      expect(ids(await testApp.api.get(`${base}&severity=A`))).toEqual([critical.id]);
      expect(ids(await testApp.api.get(`${base}&category=billing`))).toEqual([assigned.id, billing.id]);
      expect(ids(await testApp.api.get(`/v1/cases?assigneeId=${assignee}`))).toEqual([assigned.id]);
      expect(ids(await testApp.api.get(`${base}&category=billing&severity=B`))).toEqual([billing.id]);
    });

    it('pages through every case without repeats or gaps', async () => {
      const customer = await createCustomer(testApp.api);
      const opened: string[] = [];
      for (let index = 0; index < 23; index += 1) opened.push((await openCase(testApp.api, customer)).id);
      const paged = await allPages<{ id: string }>(testApp.api, `/v1/cases?customerId=${customer}`, 5);
      expect(paged.map((item) => item.id)).toEqual([...opened].reverse());
    });

    it('refuses NUL characters and forged cursors with 400, never a 500', async () => {
      const nul = await testApp.api.post('/v1/cases', {
        customerId: mine,
        title: 'a\u0000b',
        description: 'x',
      });
      expect(nul.status).toBe(400);
      expect(nul.body.errors).toEqual([{ field: 'title', message: 'must not contain NUL characters' }]);
      expect((await testApp.api.get('/v1/cases?q=ab%00cd')).status).toBe(400);
      const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const badDate = forge(['2026-13-45T99:00:00.000Z', '00000000-0000-4000-8000-000000000000']);
      const badId = forge(['1042', '------------------------------------']);
      for (const path of [
        `/v1/customers?cursor=${badDate}`,
        `/v1/cases?cursor=${badId}`,
        `/v1/api-keys?cursor=${badDate}`,
      ]) {
        const response = await testApp.api.get(path);
        expect({ path, status: response.status, field: response.body.errors?.[0]?.field }).toEqual({
          path,
          status: 400,
          field: 'cursor',
        });
      }
    });

    it('refuses bad filters, limits and cursors with the field at fault', async () => {
      const cases = [
        ['/v1/cases?status=open', 'status'],
        ['/v1/cases?severity=Z', 'severity'],
        ['/v1/cases?customerId=abc', 'customerId'],
        ['/v1/cases?limit=0', 'limit'],
        ['/v1/cases?limit=101', 'limit'],
        ['/v1/cases?cursor=abc', 'cursor'],
        ['/v1/cases?q=a', 'q'],
        ['/v1/cases?sort=asc', 'sort'],
      ];
      for (const [path, field] of cases) {
        const response = await testApp.api.get(path);
        expect({ path, status: response.status, field: response.body.errors?.[0]?.field }).toEqual({
          path,
          status: 400,
          field,
        });
      }
    });
  });

  describe('search', () => {
    let customer: string;
    const titles: Record<string, string> = {};

    beforeAll(async () => {
      customer = await createCustomer(testApp.api);
      const texts = [
        [
          'vpn',
          'Cannot connect to the VPN gateway',
          'Point-to-site clients time out since the certificate renewal.',
        ],
        ['debit', 'Débit très faible sur ExpressRoute', 'Le débit vers China North 3 est tombé à 10 Mbit/s.'],
        ['facture', 'Facture élevée ce mois-ci', 'Notre facture Azure a doublé sans raison apparente.'],
        ['teams', 'Teams 无法登录', '财务部今天早上开始无法登录 Teams，提示账号被锁定。'],
        ['outlook', 'Outlook 邮件无法发送', '所有邮件都停留在发件箱。'],
        ['cpu', 'VM at 100% CPU', 'The database VM runs at 100% CPU since Monday.'],
        ['users', 'Licences for 1000 users', 'We need 1000 more E3 licences.'],
      ];
      for (const [name, title, description] of texts) {
        titles[name] = (await openCase(testApp.api, customer, { title, description })).id;
      }
    });

    const search = async (q: string) =>
      ids(await testApp.api.get(`/v1/cases?customerId=${customer}&q=${encodeURIComponent(q)}`));

    it('finds English words in title and description, case-insensitively', async () => {
      expect(await search('vpn')).toEqual([titles.vpn]);
      expect(await search('CERTIFICATE renewal')).toEqual([titles.vpn]);
    });

    it('ignores French accents both ways', async () => {
      expect(await search('debit')).toEqual([titles.debit]);
      expect(await search('DÉBIT')).toEqual([titles.debit]);
      expect(await search('facture elevee')).toEqual([titles.facture]);
    });

    it('matches Chinese substrings without word boundaries', async () => {
      expect(await search('无法登录')).toEqual([titles.teams]);
      expect(await search('无法')).toEqual([titles.outlook, titles.teams]);
      expect(await search('发件箱')).toEqual([titles.outlook]);
      expect(await search('Teams 锁定')).toEqual([titles.teams]);
    });

    it('requires every word, and treats % and _ literally', async () => {
      expect(await search('vpn facture')).toEqual([]);
      expect(await search('100%')).toEqual([titles.cpu]);
      expect(await search('1_00')).toEqual([]);
    });
  });

  describe('integration keys', () => {
    it('read and write only their customers; another customer is 404 or unknown', async () => {
      const partner = testApp.api.withKey(partnerKey);
      const own = await openCase(partner, mine);
      const foreign = await openCase(testApp.api, theirs);

      const listed = await allPages<{ id: string; customerId: string }>(partner, '/v1/cases', 100);
      expect(listed.every((item) => item.customerId === mine)).toBe(true);
      expect(listed.map((item) => item.id)).toContain(own.id);
      expect(ids(await partner.get(`/v1/cases?customerId=${theirs}`))).toEqual([]);

      for (const path of [
        `/v1/cases/${foreign.id}`,
        `/v1/cases/${foreign.id}/comments`,
        `/v1/cases/${foreign.id}/timeline`,
      ]) {
        const response = await partner.get(path);
        expect({ path, status: response.status, type: response.body.type }).toEqual({
          path,
          status: 404,
          type: 'https://casebridge.dev/problems/case-not-found',
        });
      }
      const comment = await partner.post(`/v1/cases/${foreign.id}/comments`, {
        body: 'hi',
        visibility: 'public',
      });
      expect(comment.status).toBe(404);
      expect((await testApp.api.get(`/v1/cases/${foreign.id}/comments`)).body.items).toEqual([]);

      for (const path of [`/v1/cases/${foreign.id}/sla`, `/v1/cases/${foreign.id}/suggestions`]) {
        expect({ path, status: (await partner.get(path)).status }).toEqual({ path, status: 404 });
      }
      const article = await testApp.api.post('/v1/articles', {
        slug: `isolation-${randomUUID().slice(0, 8)}`,
        locale: 'en',
        title: 'How to',
        body: 'Steps.',
      });
      expect(
        (await partner.post(`/v1/cases/${foreign.id}/self-resolve`, { articleId: article.body.id })).status,
      ).toBe(404);
      expect((await testApp.api.get(`/v1/cases/${foreign.id}`)).body.status).toBe('new');

      const asAgent = await partner.post(`/v1/cases/${own.id}/comments`, {
        body: 'Fixed it for you',
        visibility: 'public',
        authorType: 'agent',
      });
      expect(asAgent.status).toBe(403);
      await testApp.api.post(`/v1/cases/${own.id}/comments`, { body: 'We are on it', visibility: 'public' });
      const seen = await partner.get(`/v1/cases/${own.id}/comments`);
      expect(seen.body.items.map((item: { authorName: string }) => item.authorName)).toEqual([
        'Support team',
      ]);
      const actors = (await partner.get(`/v1/cases/${own.id}/timeline`)).body.items.map(
        (event: { actor: { type: string; id: string | null } }) => event.actor,
      );
      expect(
        actors.filter(
          (actor: { type: string; id: string | null }) => actor.type === 'admin' && actor.id !== null,
        ),
      ).toEqual([]);

      const intoTheirs = await partner.post('/v1/cases', {
        customerId: theirs,
        title: 'x',
        description: 'y',
      });
      expect(intoTheirs.status).toBe(400);
      expect(intoTheirs.body.errors).toEqual([
        { field: 'customerId', message: `no customer with id ${theirs}` },
      ]);
    });
  });

  describe('query plans', () => {
    let client: pg.Client;

    beforeAll(async () => {
      client = new pg.Client({ connectionString: testApp.environment.DATABASE_URL });
      await client.connect();
      // 20,000 cases over 200 customers, most of them closed C cases, so that each filter below is selective.
      await client.query(`
        INSERT INTO customers (name, tenant_id)
        SELECT 'Bulk ' || n, gen_random_uuid() FROM generate_series(1, 200) AS n`);
      await client.query(`
        INSERT INTO cases (customer_id, title, description, category, category_source, severity, severity_source,
                           status, source, reported_at, assignee_id, sla_policy_version_id)
        SELECT (SELECT id FROM customers WHERE name = 'Bulk ' || (1 + n % 200)),
               'Bulk case ' || n, 'Generated description number ' || n,
               CASE WHEN n % 50 = 0 THEN 'billing' ELSE 'how_to' END, 'triage',
               CASE WHEN n % 50 = 1 THEN 'A' ELSE 'C' END, 'triage',
               CASE WHEN n % 50 = 2 THEN 'awaiting_customer' ELSE 'closed' END, 'agent', now(),
               CASE WHEN n % 100 = 3 THEN '00000000-0000-4000-8000-000000000003'::uuid END,
               (SELECT current_version_id FROM sla_policies WHERE is_default)
        FROM generate_series(1, 20000) AS n`);
      await client.query('ANALYZE cases');
    });

    afterAll(async () => {
      await client?.end();
    });

    const plan = async (filter: Partial<CaseListFilter>) => {
      const { sql, values } = buildCaseListQuery({
        customerScope: null,
        searchTerms: [],
        limit: 26,
        ...filter,
      });
      const rows = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
      return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
    };

    it('serves every filter from its index, never a sequential scan', async () => {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM customers WHERE name = 'Bulk 7'`);
      const expectations: [Partial<CaseListFilter>, string | RegExp][] = [
        [{}, 'uq_cases_number'],
        [{ customerId: rows[0].id }, 'ix_cases_customer'],
        [
          { customerId: rows[0].id, status: 'awaiting_customer' },
          /ix_cases_customer_status|ix_cases_customer_recent_open/,
        ],
        [{ status: 'awaiting_customer' }, 'ix_cases_status'],
        [{ severity: 'A' }, 'ix_cases_severity'],
        [{ category: 'billing' }, 'ix_cases_category'],
        [{ assigneeId: '00000000-0000-4000-8000-000000000003' }, 'ix_cases_assignee'],
        [{ searchTerms: ['无法登录'] }, 'ix_cases_search_text'],
        [{ searchTerms: ['débit'] }, 'ix_cases_search_text'],
      ];
      for (const [filter, index] of expectations) {
        const explained = await plan(filter);
        expect({
          filter,
          usesIndex: typeof index === 'string' ? explained.includes(index) : index.test(explained),
          seqScan: explained.includes('Seq Scan'),
        }).toEqual({
          filter,
          usesIndex: true,
          seqScan: false,
        });
      }
    });
  });
});
