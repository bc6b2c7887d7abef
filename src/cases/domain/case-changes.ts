import { reopensOnCustomerReply } from './case-status.js';
import type { CaseStatus, CommentAuthorType, CommentVisibility } from './case.types.js';

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const sameValue = (left: unknown, right: unknown): boolean => JSON.stringify(left) === JSON.stringify(right);

/** The fields of `requested` whose value differs from `current`, as the timeline records them. */
export function diffFields<T extends object>(current: T, requested: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(requested)) {
    if (to === undefined) continue;
    const from: unknown = (current as Record<string, unknown>)[field];
    if (!sameValue(from, to)) changes[field] = { from, to };
  }
  return changes;
}

/** Distinct tags in the order given (tags are compared as written). */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

export interface CommentContext {
  status: CaseStatus;
  resolvedAt: Date | null;
  firstRespondedAt: Date | null;
}

export interface CommentEffects {
  /** The status a customer reply moves the case to, if any. */
  statusTo: CaseStatus | null;
  /** Whether this comment is the first public agent reply (sets firstRespondedAt). */
  firstResponse: boolean;
}

/**
 * What a new comment does to its case: a public customer comment brings an awaiting_customer case
 * back to in_progress and reopens a resolved case inside the reopen window; the first public agent
 * comment is the first response.
 */
export function effectsOfComment(
  context: CommentContext,
  comment: { visibility: CommentVisibility; authorType: CommentAuthorType },
  now: Date,
  reopenWindowMs: number,
): CommentEffects {
  const isPublic = comment.visibility === 'public';
  const fromCustomer = isPublic && comment.authorType === 'customer';
  let statusTo: CaseStatus | null = null;
  if (fromCustomer && context.status === 'awaiting_customer') statusTo = 'in_progress';
  if (fromCustomer && reopensOnCustomerReply(context.status, context.resolvedAt, now, reopenWindowMs)) {
    statusTo = 'in_progress';
  }
  return {
    statusTo,
    firstResponse: isPublic && comment.authorType === 'agent' && context.firstRespondedAt === null,
  };
}
