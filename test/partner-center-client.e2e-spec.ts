import { randomUUID } from 'node:crypto';
import {
  PartnerCenterClient,
  type PartnerCenterClientOptions,
} from '../src/escalation/upstream/partner-center.client.js';
import {
  type NewServiceRequest,
  type UpstreamSeverity,
  UpstreamError,
} from '../src/escalation/upstream/vianet-upstream.js';
import { FakePartnerCenter } from './support/fake-partner-center.js';

const TENANT = '3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f8a9b0c';
const OTHER_TENANT = 'a1b2c3d4-0000-4000-8000-0000000000aa';
const SECRET = 'pc/s3cr3t+value=42"x';
const TIMEOUT_MS = 300;

let fake: FakePartnerCenter;

beforeEach(async () => {
  fake = new FakePartnerCenter({ clientId: 'casebridge-client', clientSecret: SECRET });
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
});

function client(options: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
  return new PartnerCenterClient({
    apiUrl: fake.url,
    tokenUrl: fake.tokenUrl,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    timeoutMs: TIMEOUT_MS,
    ...options,
  });
}

function newRequest(overrides: Partial<NewServiceRequest> = {}): NewServiceRequest {
  const reference = overrides.reference ?? `ESC-${randomUUID().slice(0, 8)}`;
  return {
    requestId: randomUUID(),
    correlationId: randomUUID(),
    locale: 'en-US',
    reference,
    title: 'VM cannot start in China North 3',
    description: `Problem: the VM fails to boot.\nTried: restart, redeploy.\nHealth: no incident.\nOur case: ${reference}`,
    severity: 'moderate',
    supportTopicId: '32444671-3e4b-4c2b-9b5f-3f5f9c1a0a11',
    primaryContact: {
      firstName: 'Li',
      lastName: 'Wei',
      email: 'li.wei@example.cn',
      phoneNumber: '+86 10 5555 0100',
    },
    organization: { id: TENANT, name: 'Contoso China' },
    ...overrides,
  };
}

/** The UpstreamError a call fails with (fails the test when it succeeds or fails otherwise). */
async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe('PartnerCenterClient against a fake Partner Center', () => {
  describe('create', () => {
    it('files a service request with the protocol headers, body and locale path', async () => {
      const request = newRequest({ locale: 'zh-CN', severity: 'critical' });
      const created = await client().create(request);

      expect(created).toEqual({ id: expect.any(String), status: 'open' });
      const [stored] = fake.createdRequests();
      expect(stored).toMatchObject({
        id: created.id,
        tenantId: TENANT,
        locale: 'zh-CN',
        requestId: request.requestId,
      });

      const [sent] = fake.requestsTo('create');
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/v1/servicerequests/zh-CN');
      expect(sent.headers.authorization).toBe(`Bearer ${fake.issuedTokens()[0]}`);
      expect(sent.headers['ms-requestid']).toBe(request.requestId);
      expect(sent.headers['ms-correlationid']).toBe(request.correlationId);
      expect(sent.headers['content-type']).toBe('application/json');
      expect(sent.headers.accept).toBe('application/json');
      expect(sent.body).toEqual({
        Title: request.title,
        Description: request.description,
        Severity: 'critical',
        SupportTopicId: request.supportTopicId,
        PrimaryContact: {
          FirstName: 'Li',
          LastName: 'Wei',
          Email: 'li.wei@example.cn',
          PhoneNumber: '+86 10 5555 0100',
        },
        Organization: { Id: TENANT, Name: 'Contoso China' },
      });
    });

    it('sends each severity as is, and answers the id and status however the answer spells them', async () => {
      const upstream = client();
      const severities: UpstreamSeverity[] = ['critical', 'moderate', 'minimal'];
      for (const severity of severities) await upstream.create(newRequest({ severity }));
      fake.setStatusEncoding('integer');
      const created = await upstream.create(newRequest());

      expect(
        fake.requestsTo('create').map((request) => (request.body as { Severity: string }).Severity),
      ).toEqual([...severities, 'moderate']);
      expect(created).toEqual({ id: fake.createdRequests()[3].id, status: 'open' });
    });

    it('puts the reference in the description when the caller left it out', async () => {
      const request = newRequest({ reference: 'ESC-000042', description: 'Problem only' });
      await client().create(request);
      expect(fake.createdRequests()[0].description).toContain('ESC-000042');
    });

    it('percent-encodes path segments', async () => {
      const upstream = client();
      await failureOf(upstream.addNote('12/../34 x', 'hello'));
      await upstream.list('tenant/with space');
      expect(fake.requestsTo('note')[0].path).toBe('/v1/servicerequests/12%2F..%2F34%20x');
      expect(fake.requestsTo('list')[0].path).toBe('/v1/customers/tenant%2Fwith%20space/servicerequests');
    });
  });

  describe('token', () => {
    it('posts the client credentials as a form, and reuses the token across calls', async () => {
      const upstream = client();
      await upstream.create(newRequest());
      await upstream.list(TENANT);
      await upstream.addNote(fake.createdRequests()[0].id, 'more detail');

      expect(fake.tokenRequests).toBe(1);
      const [tokenRequest] = fake.requestsTo('token');
      expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(tokenRequest.body).toEqual({
        grant_type: 'client_credentials',
        client_id: 'casebridge-client',
        client_secret: SECRET,
      });
    });

    it('shares one token request between concurrent callers', async () => {
      const upstream = client();
      await Promise.all([upstream.list(TENANT), upstream.list(TENANT), upstream.list(OTHER_TENANT)]);
      expect(fake.tokenRequests).toBe(1);
    });

    it('on a 401 fetches a new token once and retries the call once, with the same MS-RequestId', async () => {
      const upstream = client();
      await upstream.list(TENANT);
      fake.failNext('api', { status: 401 });
      const request = newRequest();
      await upstream.create(request);

      expect(fake.tokenRequests).toBe(2);
      const creates = fake.requestsTo('create');
      expect(creates.map((sent) => sent.requestId)).toEqual([request.requestId, request.requestId]);
      expect(creates.map((sent) => sent.headers.authorization)).toEqual(
        fake.issuedTokens().map((token) => `Bearer ${token}`),
      );
      expect(fake.createdRequests()).toHaveLength(1);
    });

    it('refreshes a token the API revoked', async () => {
      const upstream = client();
      await upstream.list(TENANT);
      fake.revokeTokens();
      await expect(upstream.list(TENANT)).resolves.toEqual([]);
      expect(fake.tokenRequests).toBe(2);
    });

    it('a second 401 is unauthorized and not retryable', async () => {
      fake.failNext('api', { status: 401 });
      fake.failNext('api', { status: 401 });
      const error = await failureOf(client().create(newRequest()));

      expect(error).toMatchObject({ failure: 'unauthorized', status: 401 });
      expect(error.retryable).toBe(false);
      expect(fake.tokenRequests).toBe(2);
      expect(fake.requestsTo('create')).toHaveLength(2);
      expect(fake.createdRequests()).toHaveLength(0);
    });

    it('refused credentials are unauthorized, and the message carries no secret', async () => {
      const error = await failureOf(client({ clientSecret: 'wrong/secret value' }).list(TENANT));
      expect(error).toMatchObject({ failure: 'unauthorized', status: 401 });
      expect(error.retryable).toBe(false);

      fake.failNext('token', {
        status: 400,
        body: (request) => ({ error: 'invalid_request', echo: request.rawBody }),
      });
      const echoed = await failureOf(client().list(TENANT));
      expect(echoed).toMatchObject({ failure: 'unauthorized', status: 400 });
      expect(echoed.message).toContain('invalid_request');
      expect(echoed.message).toContain('client_secret=[redacted]');
      expect(echoed.message).not.toContain(SECRET);
      expect(echoed.message).not.toContain(encodeURIComponent(SECRET));
      expect(echoed.message).not.toContain(new URLSearchParams({ s: SECRET }).toString().slice(2));
      expect(fake.requestsTo('list')).toHaveLength(0);
    });

    it('refetches the token shortly before it expires (60 s before, or at half a short lifetime)', async () => {
      let now = Date.UTC(2030, 0, 1, 8, 0, 0);
      const upstream = client({ now: () => now });
      await upstream.list(TENANT);
      now += (3600 - 61) * 1000;
      await upstream.list(TENANT);
      expect(fake.tokenRequests).toBe(1);
      now += 2000;
      await upstream.list(TENANT);
      expect(fake.tokenRequests).toBe(2);

      fake.setTokenExpiresIn('100');
      now += 3600 * 1000;
      await upstream.list(TENANT);
      expect(fake.tokenRequests).toBe(3);
      now += 49_000;
      await upstream.list(TENANT);
      expect(fake.tokenRequests).toBe(3);
      now += 2000;
      await upstream.list(TENANT);
      expect(fake.tokenRequests).toBe(4);
    });

    it('a token endpoint that does not answer in time is a timeout', async () => {
      fake.failNext('token', { delayMs: 2000 });
      const error = await failureOf(client().list(TENANT));
      expect(error.failure).toBe('timeout');
      expect(error.retryable).toBe(true);
    });
  });

  describe('failures', () => {
    it('5xx is unavailable, with Retry-After in seconds', async () => {
      fake.failNext('create', { status: 503, retryAfter: '2' });
      const error = await failureOf(client().create(newRequest()));
      expect(error).toMatchObject({ failure: 'unavailable', status: 503, retryAfterMs: 2000 });
      expect(error.retryable).toBe(true);
      expect(fake.createdRequests()).toHaveLength(0);
    });

    it('5xx is unavailable, with Retry-After as an HTTP date relative to now()', async () => {
      const now = Date.UTC(2030, 0, 1, 8, 0, 0);
      fake.failNext('create', { status: 503, retryAfter: new Date(now + 7000).toUTCString() });
      const error = await failureOf(client({ now: () => now }).create(newRequest()));
      expect(error).toMatchObject({ failure: 'unavailable', status: 503, retryAfterMs: 7000 });
    });

    it('500 without Retry-After, or with an invalid one, has no retryAfterMs', async () => {
      fake.failNext('create', { status: 500 });
      fake.failNext('create', { status: 502, retryAfter: 'soon' });
      const upstream = client();
      const plain = await failureOf(upstream.create(newRequest()));
      const invalid = await failureOf(upstream.create(newRequest()));
      expect(plain).toMatchObject({ failure: 'unavailable', status: 500, retryAfterMs: undefined });
      expect(invalid).toMatchObject({ failure: 'unavailable', status: 502, retryAfterMs: undefined });
    });

    it('429 is throttled, with Retry-After', async () => {
      fake.failNext('list', { status: 429, retryAfter: '1' });
      const error = await failureOf(client().list(TENANT));
      expect(error).toMatchObject({ failure: 'throttled', status: 429, retryAfterMs: 1000 });
      expect(error.retryable).toBe(true);
    });

    it('408 is a timeout', async () => {
      fake.failNext('note', { status: 408 });
      const error = await failureOf(client().addNote('123', 'hello'));
      expect(error).toMatchObject({ failure: 'timeout', status: 408 });
    });

    it('a create answered after the timeout is a timeout, yet was created: list finds it by reference', async () => {
      const upstream = client();
      const request = newRequest();
      fake.failNext('create', { createThenDelayMs: 2000 });
      const error = await failureOf(upstream.create(request));

      expect(error.failure).toBe('timeout');
      expect(error.retryable).toBe(true);
      const created = fake.createdRequests();
      expect(created).toHaveLength(1);
      expect(created[0].requestId).toBe(request.requestId);

      const found = (await upstream.list(TENANT)).filter((item) =>
        item.description?.includes(request.reference),
      );
      expect(found.map((item) => item.id)).toEqual([created[0].id]);
      expect(fake.createdRequests()).toHaveLength(1);
    });

    it('a dropped connection is a connection failure (nothing created)', async () => {
      fake.failNext('create', { dropConnection: true });
      const error = await failureOf(client().create(newRequest()));
      expect(error.failure).toBe('connection');
      expect(error.retryable).toBe(true);
      expect(fake.createdRequests()).toHaveLength(0);
    });

    it('a create whose answer is lost is a connection failure, and the request exists upstream', async () => {
      const upstream = client();
      const request = newRequest();
      fake.failNext('create', { createThenDropConnection: true });
      const error = await failureOf(upstream.create(request));
      expect(error.failure).toBe('connection');
      const listed = await upstream.list(TENANT);
      expect(listed.filter((item) => item.description?.includes(request.reference))).toHaveLength(1);
    });

    it('a refused connection is a connection failure', async () => {
      const url = fake.url;
      await fake.stop();
      const error = await failureOf(client({ apiUrl: url, tokenUrl: `${url}/token` }).list(TENANT));
      expect(error.failure).toBe('connection');
    });

    it('400 is rejected, not retryable, with the status and an excerpt but no token or secret', async () => {
      const upstream = client();
      const invalid = await failureOf(
        upstream.create(newRequest({ severity: 'urgent' as UpstreamSeverity })),
      );
      expect(invalid).toMatchObject({ failure: 'rejected', status: 400 });
      expect(invalid.retryable).toBe(false);
      expect(invalid.message).toContain('400');
      expect(invalid.message).toContain('Severity must be one of');

      fake.failNext('create', {
        status: 400,
        body: (request) => ({
          code: 'bad_request',
          authorization: request.headers.authorization,
          secret: SECRET,
        }),
      });
      const echoed = await failureOf(upstream.create(newRequest()));
      expect(echoed).toMatchObject({ failure: 'rejected', status: 400 });
      expect(echoed.message).toContain('bad_request');
      expect(echoed.message).toContain('Bearer [redacted]');
      for (const token of fake.issuedTokens()) expect(echoed.message).not.toContain(token);
      expect(echoed.message).not.toContain(SECRET);
      expect(echoed.message).not.toContain(JSON.stringify(SECRET).slice(1, -1));
    });

    it('a 2xx that is not the expected JSON is an invalid response', async () => {
      const upstream = client();
      fake.failNext('create', { status: 201, body: '<html>created</html>' });
      fake.failNext('create', { status: 201, body: { status: 'open' } });
      fake.failNext('list', { status: 200, body: { value: [] } });
      expect((await failureOf(upstream.create(newRequest()))).failure).toBe('invalid_response');
      expect((await failureOf(upstream.create(newRequest()))).failure).toBe('invalid_response');
      expect((await failureOf(upstream.list(TENANT))).failure).toBe('invalid_response');
    });

    it('a slow list answer is a timeout', async () => {
      fake.failNext('list', { delayMs: 2000 });
      expect((await failureOf(client().list(TENANT))).failure).toBe('timeout');
    });
  });

  describe('notes and listing', () => {
    it('addNote sends {NewNote: {Text}}; the note comes back from Partner', async () => {
      const upstream = client();
      const { id } = await upstream.create(newRequest());
      await upstream.addNote(id, 'The customer confirmed the VM is still down.');

      const [sent] = fake.requestsTo('note');
      expect(sent.method).toBe('PATCH');
      expect(sent.path).toBe(`/v1/servicerequests/${id}`);
      expect(sent.headers['content-type']).toBe('application/json');
      expect(sent.requestId).toEqual(expect.any(String));
      expect(sent.body).toEqual({ NewNote: { Text: 'The customer confirmed the VM is still down.' } });

      const [listed] = await upstream.list(TENANT);
      expect(listed.notes).toEqual([
        {
          createdByName: 'Partner',
          createdDate: expect.any(String),
          text: 'The customer confirmed the VM is still down.',
        },
      ]);
    });

    it('lists only the tenant’s requests, mapping camelCase names and string statuses', async () => {
      const upstream = client();
      const first = await upstream.create(newRequest({ title: 'First' }));
      await upstream.create(
        newRequest({ title: 'Elsewhere', organization: { id: OTHER_TENANT, name: 'Other' } }),
      );
      fake.addNote(first.id, { createdByName: '21Vianet Support', text: 'Looking into it.' });
      fake.setStatus(first.id, 'attention_needed');

      const listed = await upstream.list(TENANT);
      expect(listed).toEqual([
        {
          id: first.id,
          status: 'attention_needed',
          title: 'First',
          description: expect.stringContaining('Our case: ESC-'),
          notes: [
            { createdByName: '21Vianet Support', createdDate: expect.any(String), text: 'Looking into it.' },
          ],
          lastModifiedDate: expect.any(String),
        },
      ]);
    });

    it.each([
      ['integer', 'PascalCase'],
      ['PascalCase', 'PascalCase'],
      ['integer', 'camelCase'],
    ] as const)('maps %s statuses with %s field names', async (encoding, names) => {
      const upstream = client();
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C', 'D']) ids.push((await upstream.create(newRequest({ title }))).id);
      fake.setStatus(ids[0], 'none');
      fake.addNote(ids[1], { createdByName: '21Vianet Support', text: 'Please send logs.' });
      fake.close(ids[2]);
      fake.setStatus(ids[3], 'attention_needed');
      fake.setStatusEncoding(encoding, names);

      const listed = await upstream.list(TENANT);
      expect(listed.map(({ id, status, title }) => ({ id, status, title }))).toEqual([
        { id: ids[0], status: 'none', title: 'A' },
        { id: ids[1], status: 'open', title: 'B' },
        { id: ids[2], status: 'closed', title: 'C' },
        { id: ids[3], status: 'attention_needed', title: 'D' },
      ]);
      expect(listed[1].notes).toEqual([
        { createdByName: '21Vianet Support', createdDate: expect.any(String), text: 'Please send logs.' },
      ]);
      expect(listed[0].notes).toEqual([]);
      expect(listed[0].lastModifiedDate).toEqual(expect.any(String));
    });

    it.each(['camelCase', 'PascalCase'] as const)(
      'follows links.next with its continuation token through every page (%s names)',
      async (names) => {
        const upstream = client();
        const titles = ['P1', 'P2', 'P3', 'P4', 'P5'];
        for (const title of titles) await upstream.create(newRequest({ title }));
        await upstream.create(newRequest({ title: 'Other', organization: { id: OTHER_TENANT, name: 'O' } }));
        fake.setStatusEncoding(names === 'camelCase' ? 'string' : 'PascalCase', names);
        fake.setPageSize(2);

        const listed = await upstream.list(TENANT);
        expect(listed.map((request) => request.title)).toEqual(titles);
        const pages = fake.requestsTo('list');
        expect(pages.map((page) => page.path)).toEqual([
          `/v1/customers/${TENANT}/servicerequests`,
          `/v1/customers/${TENANT}/servicerequests?seekOperation=Next`,
          `/v1/customers/${TENANT}/servicerequests?seekOperation=Next`,
        ]);
        expect(pages.map((page) => page.headers['ms-continuationtoken'])).toEqual([
          undefined,
          'continuation-1',
          'continuation-2',
        ]);
        for (const page of pages) {
          expect(page.headers.authorization).toBe(`Bearer ${fake.issuedTokens()[0]}`);
        }
      },
    );

    it('never sends its token to a links.next on another origin, and stops a links.next that loops', async () => {
      const upstream = client();
      await upstream.create(newRequest());
      const pageLinkingTo = (uri: string) => ({
        status: 200,
        body: { totalCount: 2, items: [], links: { next: { uri, method: 'GET', headers: [] } } },
      });
      fake.failNext('list', pageLinkingTo('https://attacker.example/v1/customers/x/servicerequests'));
      const elsewhere = await failureOf(upstream.list(TENANT));
      expect(elsewhere).toMatchObject({ failure: 'invalid_response' });
      expect(elsewhere.message).toContain('links.next');
      expect(fake.requestsTo('list')).toHaveLength(1);

      const loop = pageLinkingTo(`/customers/${TENANT}/servicerequests?seekOperation=Next&page=2`);
      fake.failNext('list', loop);
      fake.failNext('list', loop);
      const looping = await failureOf(upstream.list(TENANT));
      expect(looping).toMatchObject({ failure: 'invalid_response' });
      expect(looping.message).toContain('the pages do not end');
      // the first page, then the linked page, which links to itself: not read a second time
      expect(fake.requestsTo('list')).toHaveLength(3);
    });

    it('a refused later page (an expired continuation token) is retryable, unlike a refused first page', async () => {
      const upstream = client();
      await upstream.create(newRequest());
      fake.failNext('list', {
        status: 200,
        body: {
          totalCount: 2,
          items: [],
          links: {
            next: {
              uri: `/customers/${TENANT}/servicerequests?seekOperation=Next`,
              headers: [{ key: 'MS-ContinuationToken', value: 'expired-token' }],
            },
          },
        },
      });
      const later = await failureOf(upstream.list(TENANT));
      expect(fake.requestsTo('list')[1].headers['ms-continuationtoken']).toBe('expired-token');
      expect(later).toMatchObject({ failure: 'invalid_response', status: 400 });
      expect(later.retryable).toBe(true);

      fake.failNext('list', { status: 404 });
      const first = await failureOf(upstream.list(TENANT));
      expect(first).toMatchObject({ failure: 'rejected', status: 404 });
    });

    it('the fake does not deduplicate creates by MS-RequestId (a client that creates twice is caught)', async () => {
      const upstream = client();
      const request = newRequest();
      await upstream.create(request);
      await upstream.create(request);
      expect(fake.createdRequests().map((created) => created.requestId)).toEqual([
        request.requestId,
        request.requestId,
      ]);
    });
  });
});
