/**
 * The one interface through which CaseBridge reaches 21Vianet (VIANET_MODE): the Partner Center
 * service-request protocol (`http`), or the in-process simulator. (The `portal` mode files requests by
 * hand and has no upstream client.)
 */

export type UpstreamSeverity = 'critical' | 'moderate' | 'minimal';
export type UpstreamStatus = 'none' | 'open' | 'closed' | 'attention_needed';

export interface UpstreamContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

/** A new service request, as CaseBridge files it for one escalation. */
export interface NewServiceRequest {
  /** `MS-RequestId`: a UUID fixed for the escalation, the same on every retry (the API's idempotency key). */
  requestId: string;
  /** `MS-CorrelationId`: a UUID per call chain, for tracing. */
  correlationId: string;
  /** The locale of the path, e.g. `en-US`, `zh-CN`, `fr-FR`. */
  locale: string;
  /** CaseBridge's reference of the escalation; it also appears in the description, to find the request again. */
  reference: string;
  title: string;
  description: string;
  severity: UpstreamSeverity;
  supportTopicId: string;
  primaryContact: UpstreamContact;
  /** The customer's tenant (`Organization.Id`) and name. */
  organization: { id: string; name: string };
}

export interface UpstreamNote {
  createdByName: string;
  createdDate: string;
  text: string;
}

export interface ServiceRequest {
  id: string;
  status: UpstreamStatus;
  title: string | null;
  description: string | null;
  notes: UpstreamNote[];
  lastModifiedDate: string | null;
}

/** How an upstream call failed, and whether the request may nevertheless have been carried out. */
export type UpstreamFailure =
  | 'timeout' // no answer within VIANET_TIMEOUT_MS: the request may have been carried out
  | 'connection' // the connection failed or dropped: it may have been carried out
  | 'unavailable' // 5xx (503 may carry Retry-After): it may have been carried out
  | 'throttled' // 429 (may carry Retry-After)
  | 'unauthorized' // 401 even with a fresh token, or the token endpoint refused the credentials
  | 'rejected' // another 4xx: the request is wrong and retrying will not help
  | 'invalid_response'; // an answer that cannot be read

export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    readonly status?: number,
    /** From `Retry-After` (seconds or an HTTP date), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }

  /** Whether retrying can succeed (a rejected request or refused credentials will not). */
  get retryable(): boolean {
    return this.failure !== 'rejected' && this.failure !== 'unauthorized';
  }
}

export abstract class VianetUpstream {
  /** Files a service request; answers its upstream id and status. */
  abstract create(request: NewServiceRequest): Promise<{ id: string; status: UpstreamStatus }>;

  /** Adds a note to a service request. */
  abstract addNote(upstreamId: string, text: string): Promise<void>;

  /** Every service request of a customer tenant, with notes. */
  abstract list(tenantId: string): Promise<ServiceRequest[]>;
}
