import { randomUUID } from 'node:crypto';
import {
  type NewServiceRequest,
  type ServiceRequest,
  type UpstreamNote,
  type UpstreamStatus,
  UpstreamError,
  VianetUpstream,
} from './vianet-upstream.js';

/**
 * The `http` mode of the 21Vianet upstream: the Partner Center service-request protocol (see API.md,
 * "Upstream"). A plain class, wrapped in a provider elsewhere. It never logs, and no error message it
 * builds carries the client secret or an access token.
 */
export interface PartnerCenterClientOptions {
  /** Base of the API, e.g. `https://partner.partnercenterapi.microsoftonline.cn` (no trailing `/v1`). */
  apiUrl: string;
  /** OAuth2 token endpoint (client-credentials grant). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Bound of one HTTP call (token, create, note or list), body included. */
  timeoutMs: number;
  /** The clock, for token expiry and `Retry-After` dates. */
  now?: () => number;
}

/** Which call failed, as error messages name it. */
type Operation = 'token' | 'create' | 'note' | 'list';

interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

interface CachedToken {
  value: string;
  /** When to stop using it: shortly before it expires. */
  refreshAt: number;
}

/** Refresh a token this long before it expires (or half its lifetime when that is shorter). */
const TOKEN_REFRESH_MARGIN_MS = 60_000;
/** Length of the body excerpt in error messages. */
const EXCERPT_LENGTH = 200;
/** Access tokens remembered for redaction of error messages. */
const REMEMBERED_TOKENS = 3;

/** At most this many pages of one list: a guard against a server whose `links.next` never ends. */
const MAX_LIST_PAGES = 200;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
/** Headers a `links.next` may not set: the client sets these itself. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'host',
  'content-length',
  'content-type',
  'accept',
  'ms-requestid',
  'ms-correlationid',
]);

/** A page of a list to read: where, and the headers (the continuation token) it needs. */
interface PageLink {
  url: string;
  headers: Record<string, string>;
}

const INTEGER_STATUSES: readonly UpstreamStatus[] = ['none', 'open', 'closed', 'attention_needed'];

export class PartnerCenterClient extends VianetUpstream {
  private readonly apiUrl: string;
  private readonly tokenUrl: string;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  private cachedToken: CachedToken | null = null;
  private pendingToken: Promise<string> | null = null;
  /** Strings that must never appear in an error message: the secret (as sent) and recent tokens. */
  private readonly secretForms: string[];
  private readonly recentTokens: string[] = [];

  constructor(options: PartnerCenterClientOptions) {
    super();
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new Error('PartnerCenterClient: timeoutMs must be a positive number');
    }
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.tokenUrl = options.tokenUrl;
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.timeoutMs = options.timeoutMs;
    this.now = options.now ?? Date.now;
    const secret = options.clientSecret;
    this.secretForms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ].filter((form, index, all) => form.length > 0 && all.indexOf(form) === index);
  }

  override async create(request: NewServiceRequest): Promise<{ id: string; status: UpstreamStatus }> {
    const description = request.description.includes(request.reference)
      ? request.description
      : `${request.description}\n\nCaseBridge reference: ${request.reference}`;
    const contact = request.primaryContact;
    const body = {
      Title: request.title,
      Description: description,
      Severity: request.severity,
      SupportTopicId: request.supportTopicId,
      PrimaryContact: {
        FirstName: contact.firstName,
        LastName: contact.lastName,
        Email: contact.email,
        PhoneNumber: contact.phoneNumber,
      },
      Organization: { Id: request.organization.id, Name: request.organization.name },
    };
    const answer = await this.authorized(
      'create',
      'POST',
      `${this.apiUrl}/v1/servicerequests/${encodeURIComponent(request.locale)}`,
      { requestId: request.requestId, correlationId: request.correlationId },
      JSON.stringify(body),
    );
    const created = this.parseJson('create', answer);
    const id = isRecord(created) ? toId(field(created, 'id')) : null;
    if (!isRecord(created) || id === null) {
      throw new UpstreamError(
        'invalid_response',
        'Partner Center create: the answer has no id',
        answer.status,
      );
    }
    return { id, status: toUpstreamStatus(field(created, 'status')) };
  }

  override async addNote(upstreamId: string, text: string): Promise<void> {
    await this.authorized(
      'note',
      'PATCH',
      `${this.apiUrl}/v1/servicerequests/${encodeURIComponent(upstreamId)}`,
      { requestId: randomUUID(), correlationId: randomUUID() },
      JSON.stringify({ NewNote: { Text: text } }),
    );
  }

  /** Every request of the tenant, following `links.next` (with its continuation headers) page by page. */
  override async list(tenantId: string): Promise<ServiceRequest[]> {
    const requests: ServiceRequest[] = [];
    let page: PageLink | null = {
      url: `${this.apiUrl}/v1/customers/${encodeURIComponent(tenantId)}/servicerequests`,
      headers: {},
    };
    const visited = new Set<string>();
    while (page) {
      const key = JSON.stringify(page);
      if (visited.has(key) || visited.size === MAX_LIST_PAGES) {
        throw new UpstreamError(
          'invalid_response',
          `Partner Center list: the pages do not end (${visited.size} read, links.next repeats or runs on)`,
        );
      }
      visited.add(key);
      const answer = await this.authorized(
        'list',
        'GET',
        page.url,
        { requestId: randomUUID(), correlationId: randomUUID() },
        undefined,
        page.headers,
      ).catch((error: unknown) => {
        // A later page refused (an expired continuation token, say) is worth reading again from the start.
        if (visited.size > 1 && error instanceof UpstreamError && error.failure === 'rejected') {
          throw new UpstreamError(
            'invalid_response',
            `${error.message} (page ${visited.size})`,
            error.status,
          );
        }
        throw error;
      });
      const root = this.parseJson('list', answer);
      requests.push(...listItems(root, answer.status));
      page = this.nextPage(root, answer.status);
    }
    return requests;
  }

  /**
   * The page `links.next` points to, or null on the last page. Partner Center writes link URIs relative
   * to the API version root (`/customers/…`) or with it (`/v1/customers/…`); an absolute URI must stay on
   * the API's origin, since the bearer token goes with it.
   */
  private nextPage(root: unknown, status: number): PageLink | null {
    const links = isRecord(root) ? field(root, 'links') : undefined;
    const next = isRecord(links) ? field(links, 'next') : undefined;
    const uri = isRecord(next) ? toText(field(next, 'uri')) : null;
    if (!isRecord(next) || uri === null || uri.trim() === '') return null;
    let url: URL;
    try {
      const base = new URL(`${this.apiUrl}/v1/`);
      const relative = uri.trim();
      url = /^[a-z][a-z0-9+.-]*:/i.test(relative)
        ? new URL(relative)
        : new URL(relative.replace(/^\/+(v1\/)?/i, ''), base);
      if (url.origin !== base.origin) throw new Error('another origin');
    } catch {
      throw new UpstreamError(
        'invalid_response',
        'Partner Center list: links.next is not a URI on the API',
        status,
      );
    }
    const headers: Record<string, string> = {};
    const given = field(next, 'headers');
    for (const header of Array.isArray(given) ? given : []) {
      if (!isRecord(header)) continue;
      const name = toText(field(header, 'key'));
      const value = toText(field(header, 'value'));
      const usable = name && HEADER_NAME.test(name) && !RESERVED_HEADERS.has(name.toLowerCase());
      if (usable && value !== null && !/[\r\n\0]/.test(value)) {
        headers[name] = value;
      }
    }
    return { url: url.toString(), headers };
  }

  // ---- calls -------------------------------------------------------------------------------------

  /** An API call with a bearer token; on a 401, one new token and one retry. Answers only a 2xx. */
  private async authorized(
    operation: Operation,
    method: string,
    url: string,
    ids: { requestId: string; correlationId: string },
    body?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const send = (token: string) =>
      this.send(operation, url, {
        method,
        headers: {
          ...extraHeaders,
          Authorization: `Bearer ${token}`,
          'MS-RequestId': ids.requestId,
          'MS-CorrelationId': ids.correlationId,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body,
      });
    let token = await this.token();
    let answer = await send(token);
    if (answer.status === 401) {
      this.invalidateToken(token);
      token = await this.token();
      answer = await send(token);
      if (answer.status === 401) {
        throw new UpstreamError('unauthorized', this.statusMessage(operation, answer), 401);
      }
    }
    if (!isSuccess(answer.status)) throw this.statusError(operation, answer);
    return answer;
  }

  /** One HTTP exchange bounded by `timeoutMs`; transport failures become an `UpstreamError`. */
  private async send(operation: Operation, url: string, init: RequestInit): Promise<HttpAnswer> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal, redirect: 'manual' });
    } catch (error) {
      throw this.transportError(operation, error);
    }
    let text = '';
    try {
      text = await response.text();
    } catch (error) {
      // A failure answer is classified by its status even when its body is lost.
      if (isSuccess(response.status)) throw this.transportError(operation, error);
    }
    return { status: response.status, headers: response.headers, text };
  }

  // ---- token -------------------------------------------------------------------------------------

  private token(): Promise<string> {
    if (this.cachedToken && this.now() < this.cachedToken.refreshAt) {
      return Promise.resolve(this.cachedToken.value);
    }
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = null;
    });
    return this.pendingToken;
  }

  /** Forgets a token the API refused, unless a newer one has replaced it meanwhile. */
  private invalidateToken(token: string): void {
    if (this.cachedToken?.value === token) this.cachedToken = null;
  }

  private async fetchToken(): Promise<string> {
    const requestedAt = this.now();
    const answer = await this.send('token', this.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.clientId,
        client_secret: this.clientSecret,
      }).toString(),
    });
    if (answer.status === 400 || answer.status === 401) {
      throw new UpstreamError('unauthorized', this.statusMessage('token', answer), answer.status);
    }
    if (!isSuccess(answer.status)) throw this.statusError('token', answer);
    const parsed = this.parseJson('token', answer);
    const value = isRecord(parsed) ? field(parsed, 'access_token') : undefined;
    if (typeof value !== 'string' || value.length === 0) {
      throw new UpstreamError(
        'invalid_response',
        'Partner Center token: the answer has no access_token',
        answer.status,
      );
    }
    this.rememberToken(value);
    const expiresIn = isRecord(parsed) ? toSeconds(field(parsed, 'expires_in')) : null;
    if (expiresIn !== null) {
      const lifetimeMs = expiresIn * 1000;
      const refreshAt = requestedAt + lifetimeMs - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
      this.cachedToken = { value, refreshAt };
    } else {
      // Without a lifetime, the token serves the calls waiting for it and is not reused.
      this.cachedToken = null;
    }
    return value;
  }

  private rememberToken(token: string): void {
    this.recentTokens.unshift(token);
    this.recentTokens.length = Math.min(this.recentTokens.length, REMEMBERED_TOKENS);
  }

  // ---- errors ------------------------------------------------------------------------------------

  private parseJson(operation: Operation, answer: HttpAnswer): unknown {
    try {
      return JSON.parse(answer.text) as unknown;
    } catch {
      throw new UpstreamError(
        'invalid_response',
        `Partner Center ${operation}: the answer is not JSON`,
        answer.status,
      );
    }
  }

  /** The error for a non-2xx answer (401 and the token endpoint's refusals are handled by the callers). */
  private statusError(operation: Operation, answer: HttpAnswer): UpstreamError {
    const { status } = answer;
    const message = this.statusMessage(operation, answer);
    const retryAfterMs = () => parseRetryAfter(answer.headers.get('retry-after'), this.now());
    if (status === 408) return new UpstreamError('timeout', message, status);
    if (status === 429) return new UpstreamError('throttled', message, status, retryAfterMs());
    if (status >= 500) return new UpstreamError('unavailable', message, status, retryAfterMs());
    if (status === 401) return new UpstreamError('unauthorized', message, status);
    if (status >= 400) return new UpstreamError('rejected', message, status);
    return new UpstreamError('invalid_response', message, status);
  }

  private statusMessage(operation: Operation, answer: HttpAnswer): string {
    const excerpt = this.excerpt(answer.text);
    return `Partner Center ${operation}: HTTP ${answer.status}${excerpt ? `: ${excerpt}` : ''}`;
  }

  /** The start of a body, on one line, without the secret or any token. */
  private excerpt(text: string): string {
    let redacted = text;
    for (const secret of [...this.secretForms, ...this.recentTokens]) {
      redacted = redacted.split(secret).join('[redacted]');
    }
    redacted = redacted.replace(/\s+/g, ' ').trim();
    return redacted.length > EXCERPT_LENGTH ? `${redacted.slice(0, EXCERPT_LENGTH)}…` : redacted;
  }

  private transportError(operation: Operation, error: unknown): UpstreamError {
    const name = isRecord(error) && typeof error.name === 'string' ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new UpstreamError(
        'timeout',
        `Partner Center ${operation}: no answer within ${this.timeoutMs} ms`,
      );
    }
    return new UpstreamError(
      'connection',
      `Partner Center ${operation}: connection failed (${describeCause(error)})`,
    );
  }
}

// ---- mapping (exported for unit tests) -------------------------------------------------------------

/** `Retry-After` as delta-seconds or an HTTP date (relative to `now`), in milliseconds; invalid → undefined. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  // IMF-fixdate, RFC 850 or asctime: all start with a day name (Date.parse alone accepts far too much).
  if (!/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i.test(trimmed)) return undefined;
  const asctime = /^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i.test(trimmed);
  const at = Date.parse(asctime ? `${trimmed} GMT` : trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** A status as a string in any casing and spelling, or an integer 0–3; anything else is `none`. */
export function toUpstreamStatus(value: unknown): UpstreamStatus {
  if (typeof value === 'number') return (Number.isInteger(value) && INTEGER_STATUSES[value]) || 'none';
  if (typeof value !== 'string') return 'none';
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (/^\d+$/.test(key)) return toUpstreamStatus(Number(key));
  switch (key) {
    case 'open':
      return 'open';
    case 'closed':
      return 'closed';
    case 'attentionneeded':
      return 'attention_needed';
    default:
      return 'none';
  }
}

/** The service requests of one list page (`{totalCount, items}`, or a bare array). */
export function listItems(root: unknown, status: number): ServiceRequest[] {
  let items: unknown = root;
  if (isRecord(root)) {
    items = field(root, 'items');
    const totalCount = field(root, 'totalCount');
    if ((items === undefined || items === null) && (totalCount === 0 || totalCount === '0')) items = [];
  }
  if (!Array.isArray(items)) {
    throw new UpstreamError('invalid_response', 'Partner Center list: the answer has no items', status);
  }
  return items.map((item) => {
    const request = toServiceRequest(item);
    if (!request) {
      throw new UpstreamError('invalid_response', 'Partner Center list: an item has no id', status);
    }
    return request;
  });
}

/** One item of a list answer, field names read case-insensitively; null when it has no id. */
export function toServiceRequest(item: unknown): ServiceRequest | null {
  if (!isRecord(item)) return null;
  const id = toId(field(item, 'id'));
  if (id === null) return null;
  const notes = field(item, 'notes');
  return {
    id,
    status: toUpstreamStatus(field(item, 'status')),
    title: toText(field(item, 'title')),
    description: toText(field(item, 'description')),
    notes: Array.isArray(notes) ? notes.filter(isRecord).map(toNote) : [],
    lastModifiedDate: toText(field(item, 'lastModifiedDate')),
  };
}

function toNote(note: Record<string, unknown>): UpstreamNote {
  return {
    createdByName: toText(field(note, 'createdByName')) ?? '',
    createdDate: toText(field(note, 'createdDate')) ?? '',
    text: toText(field(note, 'text')) ?? '',
  };
}

// ---- helpers -------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A field by name, the exact spelling first, then in any casing. */
function field(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) return record[key];
  }
  return undefined;
}

function toId(value: unknown): string | null {
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** `expires_in` as a number or a numeric string, in seconds; anything else → null. */
function toSeconds(value: unknown): number | null {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** A short description of a network error: the innermost code and message (undici wraps them in "fetch failed"). */
function describeCause(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && isRecord(current) && isRecord(current.cause); depth++)
    current = current.cause;
  if (!isRecord(current)) return String(current).slice(0, EXCERPT_LENGTH);
  const code = typeof current.code === 'string' ? current.code : undefined;
  const message = typeof current.message === 'string' ? current.message : 'unknown error';
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, EXCERPT_LENGTH);
}
