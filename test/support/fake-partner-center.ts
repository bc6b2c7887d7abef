import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

/**
 * A fake Partner Center (token endpoint + the three service-request endpoints CaseBridge uses) on a real
 * HTTP server, for driving the `http` upstream client. It can be scripted to misbehave, deterministically.
 * It deliberately does NOT deduplicate creates by `MS-RequestId`, so a client that creates twice is caught.
 */

export type FakeEndpoint = 'token' | 'create' | 'note' | 'list';
/** What `failNext` targets: one endpoint, or `api` for the next call of any of create / note / list. */
export type FakeScriptTarget = FakeEndpoint | 'api';
export type FakeStatus = 'none' | 'open' | 'closed' | 'attention_needed';
/** `string`: `attention_needed`; `integer`: 0–3 (and numeric ids); `PascalCase`: `AttentionNeeded`. */
export type FakeStatusEncoding = 'string' | 'integer' | 'PascalCase';
export type FakeFieldNames = 'camelCase' | 'PascalCase';

export interface FakeRequest {
  endpoint: FakeEndpoint | 'unknown';
  method: string;
  /** The path as received, still percent-encoded. */
  path: string;
  /** Lower-cased names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  requestId: string | undefined;
  correlationId: string | undefined;
  /** JSON → parsed value; form → an object of its fields; otherwise the text; undefined when empty. */
  body: unknown;
  rawBody: string;
}

export interface FakeNote {
  createdByName: string;
  createdDate: string;
  text: string;
}

export interface FakeServiceRequest {
  id: string;
  tenantId: string;
  locale: string;
  /** The `MS-RequestId` the request was created with. */
  requestId: string | undefined;
  correlationId: string | undefined;
  title: string;
  description: string;
  severity: string;
  supportTopicId: string;
  primaryContact: Record<string, unknown>;
  organization: { id: string; name: string };
  status: FakeStatus;
  notes: FakeNote[];
  createdDate: string;
  lastModifiedDate: string;
}

export type FakeBody = string | object | ((request: FakeRequest) => string | object);

/** One scripted misbehaviour, consumed by the next request to its endpoint. */
export interface FakeFailure {
  /** Answer this status instead of handling the request (nothing is carried out). */
  status?: number;
  /** A `Retry-After` header for the scripted answer. */
  retryAfter?: string;
  /** Body of the scripted answer: a string as is, anything else as JSON; a function sees the request. */
  body?: FakeBody;
  headers?: Record<string, string>;
  /** Wait this long before answering (before handling it, when no `status` is scripted). */
  delayMs?: number;
  /** Destroy the socket without answering and without carrying anything out. */
  dropConnection?: boolean;
  /** Carry the request out, then answer only after this delay. */
  createThenDelayMs?: number;
  /** Carry the request out, then destroy the socket: the answer is lost. */
  createThenDropConnection?: boolean;
}

export interface FakePartnerCenterOptions {
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` of issued tokens, sent as given (a number or a numeric string). */
  expiresIn?: number | string;
  now?: () => number;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

const TOKEN_PATH = '/common/oauth2/token';
const SEVERITIES = ['critical', 'moderate', 'minimal'];
const FIRST_ID = 2_501_010_001;

export class FakePartnerCenter {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every request received, in order (scripted failures included). */
  readonly requests: FakeRequest[] = [];

  private server: Server | null = null;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly scripts = new Map<FakeScriptTarget, FakeFailure[]>();
  private readonly tokens = new Map<string, number>();
  private readonly serviceRequests = new Map<string, FakeServiceRequest>();
  private readonly created: FakeServiceRequest[] = [];
  private readonly now: () => number;
  private expiresIn: number | string;
  private tokenCounter = 0;
  private nextId = FIRST_ID;
  private statusEncoding: FakeStatusEncoding = 'string';
  private fieldNames: FakeFieldNames = 'camelCase';
  /** Items per list page; null answers every request of a tenant on one page. */
  private pageSize: number | null = null;
  /** Continuation tokens handed out: where the next page of a tenant's list starts. */
  private readonly continuations = new Map<string, { tenantId: string; offset: number }>();

  constructor(options: FakePartnerCenterOptions = {}) {
    this.clientId = options.clientId ?? 'casebridge-test-client';
    this.clientSecret = options.clientSecret ?? 'fake/secret+value=42';
    this.expiresIn = options.expiresIn ?? 3600;
    this.now = options.now ?? Date.now;
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  async start(): Promise<void> {
    const server = createServer((req, res) => this.receive(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  /** Stops listening, cancels delayed answers and cuts the open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The API base (`apiUrl` of the client). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get tokenUrl(): string {
    return `${this.url}${TOKEN_PATH}`;
  }

  // ---- observation -------------------------------------------------------------------------------

  /** Requests received by one endpoint. */
  requestsTo(endpoint: FakeEndpoint): FakeRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint);
  }

  /** Token requests received (granted or not). */
  get tokenRequests(): number {
    return this.requestsTo('token').length;
  }

  /** The service requests actually created, in order, each with the `MS-RequestId` it was created with. */
  createdRequests(): FakeServiceRequest[] {
    return this.created.map((request) => structuredClone(request));
  }

  serviceRequest(id: string): FakeServiceRequest | undefined {
    const request = this.serviceRequests.get(id);
    return request && structuredClone(request);
  }

  /** The access tokens issued so far, oldest first. */
  issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  // ---- scripting ---------------------------------------------------------------------------------

  /** Scripts the answer to the next request of an endpoint (queued: call it again for the one after). */
  failNext(target: FakeScriptTarget, failure: FakeFailure): void {
    const queue = this.scripts.get(target) ?? [];
    queue.push(failure);
    this.scripts.set(target, queue);
  }

  /** `expires_in` of the tokens issued from now on, sent as given. */
  setTokenExpiresIn(expiresIn: number | string): void {
    this.expiresIn = expiresIn;
  }

  /** Invalidates every token issued so far: the next API call with one of them gets a 401. */
  revokeTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  /**
   * How answers (create, note and list) encode statuses and field names. Field names default to
   * PascalCase (`Id`, `Status`, `Notes`, `Items`, `TotalCount`…) for the `integer` and `PascalCase`
   * encodings; with `integer`, ids are sent as numbers too.
   */
  setStatusEncoding(
    encoding: FakeStatusEncoding,
    fieldNames: FakeFieldNames = encoding === 'string' ? 'camelCase' : 'PascalCase',
  ): void {
    this.statusEncoding = encoding;
    this.fieldNames = fieldNames;
  }

  /**
   * Pages lists as Partner Center does: at most `size` items per answer, the rest behind
   * `links.next` (a URI relative to the API version root and an `MS-ContinuationToken` header).
   * `null` puts every item on one page again.
   */
  setPageSize(size: number | null): void {
    this.pageSize = size;
  }

  // ---- the 21Vianet side -------------------------------------------------------------------------

  /** A service request filed by other means (the portal, another tool): not in `createdRequests()`. */
  fileElsewhere(tenantId: string, title: string): string {
    const date = this.isoNow();
    const id = String(this.nextId++);
    this.serviceRequests.set(id, {
      id,
      tenantId,
      locale: 'zh-CN',
      requestId: undefined,
      correlationId: undefined,
      title,
      description: `${title} (filed in the portal)`,
      severity: 'minimal',
      supportTopicId: '32444671',
      primaryContact: {},
      organization: { id: tenantId, name: '' },
      status: 'open',
      notes: [],
      createdDate: date,
      lastModifiedDate: date,
    });
    return id;
  }

  /** A note written by 21Vianet support. */
  addNote(upstreamId: string, note: { createdByName: string; text: string }): void {
    const request = this.mustFind(upstreamId);
    const date = this.isoNow();
    request.notes.push({ createdByName: note.createdByName, createdDate: date, text: note.text });
    request.lastModifiedDate = date;
  }

  close(upstreamId: string): void {
    this.setStatus(upstreamId, 'closed');
  }

  setStatus(upstreamId: string, status: FakeStatus): void {
    const request = this.mustFind(upstreamId);
    request.status = status;
    request.lastModifiedDate = this.isoNow();
  }

  // ---- HTTP --------------------------------------------------------------------------------------

  private receive(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        endpoint: this.endpointOf(req.method ?? '', req.url ?? ''),
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        requestId: header(req.headers, 'ms-requestid'),
        correlationId: header(req.headers, 'ms-correlationid'),
        body: parseBody(req.headers['content-type'], rawBody),
        rawBody,
      };
      this.requests.push(request);
      this.dispatch(request, res);
    });
  }

  private dispatch(request: FakeRequest, res: ServerResponse): void {
    const script = request.endpoint === 'unknown' ? undefined : this.takeScript(request.endpoint);
    if (!script) {
      this.send(res, this.handle(request));
      return;
    }
    if (script.dropConnection) {
      res.socket?.destroy();
      return;
    }
    if (script.status !== undefined) {
      const status = script.status;
      const answer: Answer = {
        status,
        headers: {
          ...script.headers,
          ...(script.retryAfter === undefined ? {} : { 'Retry-After': script.retryAfter }),
        },
        body:
          typeof script.body === 'function'
            ? script.body(request)
            : (script.body ?? { code: `http_${status}`, description: `scripted ${status}` }),
      };
      this.after(script.delayMs, () => this.send(res, answer));
      return;
    }
    if (script.createThenDropConnection) {
      this.handle(request);
      res.socket?.destroy();
      return;
    }
    if (script.createThenDelayMs !== undefined) {
      const answer = this.handle(request);
      this.after(script.createThenDelayMs, () => this.send(res, answer));
      return;
    }
    this.after(script.delayMs, () => this.send(res, this.handle(request)));
  }

  private takeScript(endpoint: FakeEndpoint): FakeFailure | undefined {
    const own = this.scripts.get(endpoint);
    if (own?.length) return own.shift();
    if (endpoint === 'token') return undefined;
    return this.scripts.get('api')?.shift();
  }

  private after(delayMs: number | undefined, action: () => void): void {
    if (!delayMs) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
  }

  private send(res: ServerResponse, answer: Answer): void {
    if (res.destroyed || res.writableEnded || res.socket?.destroyed) return;
    const body = answer.body;
    const isText = typeof body === 'string';
    const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(answer.status, {
      ...(payload ? { 'Content-Type': isText ? 'text/plain' : 'application/json' } : {}),
      ...answer.headers,
    });
    res.end(payload);
  }

  private endpointOf(method: string, url: string): FakeEndpoint | 'unknown' {
    const path = url.split('?')[0];
    if (method === 'POST' && path === TOKEN_PATH) return 'token';
    if (method === 'POST' && /^\/v1\/servicerequests\/[^/]+$/.test(path)) return 'create';
    if (method === 'PATCH' && /^\/v1\/servicerequests\/[^/]+$/.test(path)) return 'note';
    if (method === 'GET' && /^\/v1\/customers\/[^/]+\/servicerequests$/.test(path)) return 'list';
    return 'unknown';
  }

  /** The normal answer; carries the request out. */
  private handle(request: FakeRequest): Answer {
    if (request.endpoint === 'unknown') return problem(404, 'not_found', 'no such endpoint');
    if (request.endpoint === 'token') return this.issueToken(request);
    const refusal = this.checkToken(request);
    if (refusal) return refusal;
    let segments: string[];
    try {
      segments = request.path
        .split('?')[0]
        .split('/')
        .map((segment) => decodeURIComponent(segment));
    } catch {
      return problem(400, 'invalid_path', 'malformed percent-encoding');
    }
    switch (request.endpoint) {
      case 'create':
        return this.createRequest(request, segments[3]);
      case 'note':
        return this.addPartnerNote(request, segments[3]);
      case 'list':
        return this.listRequests(request, segments[3]);
    }
  }

  private issueToken(request: FakeRequest): Answer {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'form body expected' } };
    }
    const form = isRecord(request.body) ? request.body : {};
    if (form.grant_type !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'client_credentials only' },
      };
    }
    if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret) {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: `Invalid client secret for ${String(form.client_id)}`,
        },
      };
    }
    this.tokenCounter += 1;
    const token = `fake-access-token-${String(this.tokenCounter).padStart(4, '0')}-9f8e7d6c5b4a`;
    const seconds = Number(this.expiresIn);
    this.tokens.set(token, this.now() + (Number.isFinite(seconds) ? seconds * 1000 : 0));
    return { status: 200, body: { token_type: 'Bearer', expires_in: this.expiresIn, access_token: token } };
  }

  private checkToken(request: FakeRequest): Answer | null {
    const match = /^Bearer (.+)$/.exec(header(request.headers, 'authorization') ?? '');
    const expiresAt = match ? this.tokens.get(match[1]) : undefined;
    if (expiresAt !== undefined && this.now() < expiresAt) return null;
    return {
      ...problem(401, 'unauthorized', 'missing, unknown or expired access token'),
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    };
  }

  private createRequest(request: FakeRequest, locale: string): Answer {
    if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale))
      return problem(400, 'invalid_locale', `unknown locale ${locale}`);
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return problem(415, 'unsupported_media_type', 'application/json expected');
    }
    if (!request.requestId || !request.correlationId) {
      return problem(400, 'missing_header', 'MS-RequestId and MS-CorrelationId are required');
    }
    const body = isRecord(request.body) ? request.body : {};
    const contact = isRecord(body.PrimaryContact) ? body.PrimaryContact : {};
    const organization = isRecord(body.Organization) ? body.Organization : {};
    if (!isText(body.Title)) return problem(400, 'invalid_title', 'Title is required');
    if (typeof body.Description !== 'string')
      return problem(400, 'invalid_description', 'Description is required');
    if (typeof body.Severity !== 'string' || !SEVERITIES.includes(body.Severity)) {
      return problem(400, 'invalid_severity', `Severity must be one of ${SEVERITIES.join(', ')}`);
    }
    if (!isText(body.SupportTopicId))
      return problem(400, 'invalid_support_topic', 'SupportTopicId is required');
    if (!isText(contact.FirstName) || !isText(contact.LastName) || !isText(contact.Email)) {
      return problem(400, 'invalid_contact', 'PrimaryContact needs FirstName, LastName and Email');
    }
    if (!isText(organization.Id)) return problem(400, 'invalid_organization', 'Organization.Id is required');
    const date = this.isoNow();
    const created: FakeServiceRequest = {
      id: String(this.nextId++),
      tenantId: organization.Id,
      locale,
      requestId: request.requestId,
      correlationId: request.correlationId,
      title: body.Title,
      description: body.Description,
      severity: body.Severity,
      supportTopicId: body.SupportTopicId,
      primaryContact: contact,
      organization: {
        id: organization.Id,
        name: typeof organization.Name === 'string' ? organization.Name : '',
      },
      status: 'open',
      notes: [],
      createdDate: date,
      lastModifiedDate: date,
    };
    this.serviceRequests.set(created.id, created);
    this.created.push(created);
    return { status: 201, body: this.encode(created) };
  }

  private addPartnerNote(request: FakeRequest, id: string): Answer {
    const target = this.serviceRequests.get(id);
    if (!target) return problem(404, 'not_found', `no service request ${id}`);
    const body = isRecord(request.body) ? request.body : {};
    const note = isRecord(body.NewNote) ? body.NewNote : {};
    if (!isText(note.Text)) return problem(400, 'invalid_note', 'NewNote.Text is required');
    const date = this.isoNow();
    target.notes.push({ createdByName: 'Partner', createdDate: date, text: note.Text });
    target.lastModifiedDate = date;
    return { status: 200, body: this.encode(target) };
  }

  private listRequests(request: FakeRequest, tenantId: string): Answer {
    const items = [...this.serviceRequests.values()].filter((candidate) => candidate.tenantId === tenantId);
    let offset = 0;
    const token = request.headers['ms-continuationtoken'];
    if (token !== undefined) {
      const continuation = typeof token === 'string' ? this.continuations.get(token) : undefined;
      if (
        !continuation ||
        continuation.tenantId !== tenantId ||
        !request.path.includes('seekOperation=Next')
      ) {
        return problem(400, 'invalid_continuation', 'unknown continuation token');
      }
      offset = continuation.offset;
    }
    const end = this.pageSize === null ? items.length : offset + this.pageSize;
    const name = (camel: string) => this.name(camel);
    const body: Record<string, unknown> = {
      [name('totalCount')]: items.length,
      [name('items')]: items.slice(offset, end).map((item) => this.encode(item)),
      [name('attributes')]: { [name('objectType')]: 'Collection' },
    };
    if (end < items.length) {
      const next = `continuation-${this.continuations.size + 1}`;
      this.continuations.set(next, { tenantId, offset: end });
      body[name('links')] = {
        [name('next')]: {
          [name('uri')]: `/customers/${encodeURIComponent(tenantId)}/servicerequests?seekOperation=Next`,
          [name('method')]: 'GET',
          [name('headers')]: [{ [name('key')]: 'MS-ContinuationToken', [name('value')]: next }],
        },
      };
    }
    return { status: 200, body };
  }

  // ---- encoding ----------------------------------------------------------------------------------

  private name(camel: string): string {
    return this.fieldNames === 'PascalCase' ? camel[0].toUpperCase() + camel.slice(1) : camel;
  }

  private encodeStatus(status: FakeStatus): string | number {
    if (this.statusEncoding === 'integer')
      return ['none', 'open', 'closed', 'attention_needed'].indexOf(status);
    if (this.statusEncoding === 'PascalCase') {
      return status
        .split('_')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join('');
    }
    return status;
  }

  private encode(request: FakeServiceRequest): Record<string, unknown> {
    const name = (camel: string) => this.name(camel);
    return {
      [name('id')]: this.statusEncoding === 'integer' ? Number(request.id) : request.id,
      [name('title')]: request.title,
      [name('description')]: request.description,
      [name('severity')]: request.severity,
      [name('supportTopicId')]: request.supportTopicId,
      [name('status')]: this.encodeStatus(request.status),
      [name('organization')]: {
        [name('id')]: request.organization.id,
        [name('name')]: request.organization.name,
      },
      [name('notes')]: request.notes.map((note) => ({
        [name('createdByName')]: note.createdByName,
        [name('createdDate')]: note.createdDate,
        [name('text')]: note.text,
      })),
      [name('createdDate')]: request.createdDate,
      [name('lastModifiedDate')]: request.lastModifiedDate,
    };
  }

  private mustFind(id: string): FakeServiceRequest {
    const request = this.serviceRequests.get(id);
    if (!request) throw new Error(`fake Partner Center: no service request ${id}`);
    return request;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

function problem(status: number, code: string, description: string): Answer {
  return { status, body: { code, description } };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(contentType: string | undefined, raw: string): unknown {
  if (raw === '') return undefined;
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
