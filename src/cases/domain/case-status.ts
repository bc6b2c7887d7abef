import { type CaseStatus, OPEN_STATUSES } from './case.types.js';

/**
 * What moves a case from one status to another. Agents change statuses by hand; the other
 * triggers are the flows that own their statuses (triage, escalations, comments, self-service).
 */
export type StatusTrigger =
  | 'agent' // POST /v1/cases/:id/status
  | 'triage' // the triage worker
  | 'escalation' // an escalation is created, or ends
  | 'customer_reply' // a public customer comment
  | 'system'; // automatic close, upstream resolution, self-resolution

/**
 * The case status machine of DESIGN.md:
 * new → triaged (triage, only while new); new | triaged → in_progress; in_progress ⇄ awaiting_customer;
 * any open status except escalated → escalated (an escalation is created) → in_progress;
 * any open status → resolved → closed; resolved → in_progress (reopen).
 */
const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseStatus, readonly StatusTrigger[]>>> = {
  new: {
    triaged: ['triage'],
    in_progress: ['agent'],
    escalated: ['escalation'],
    resolved: ['agent', 'system'],
  },
  triaged: {
    in_progress: ['agent'],
    escalated: ['escalation'],
    resolved: ['agent', 'system'],
  },
  in_progress: {
    awaiting_customer: ['agent'],
    escalated: ['escalation'],
    resolved: ['agent', 'system'],
  },
  awaiting_customer: {
    in_progress: ['agent', 'customer_reply'],
    escalated: ['escalation'],
    resolved: ['agent', 'system'],
  },
  escalated: {
    in_progress: ['agent', 'escalation'],
    resolved: ['agent', 'system'],
  },
  resolved: {
    closed: ['agent', 'system'],
    in_progress: ['agent', 'customer_reply'],
  },
  closed: {},
};

export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The statuses a trigger may move a case to from `from`, in the machine's order. */
export function allowedTargets(from: CaseStatus, trigger: StatusTrigger): CaseStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [CaseStatus, readonly StatusTrigger[]][])
    .filter(([, triggers]) => triggers.includes(trigger))
    .map(([to]) => to);
}

export function canTransition(from: CaseStatus, to: CaseStatus, trigger: StatusTrigger): boolean {
  return TRANSITIONS[from][to]?.includes(trigger) ?? false;
}

/** Whether a public customer comment at `now` reopens a case resolved at `resolvedAt`. */
export function reopensOnCustomerReply(
  status: CaseStatus,
  resolvedAt: Date | null,
  now: Date,
  reopenWindowMs: number,
): boolean {
  return (
    status === 'resolved' && resolvedAt !== null && now.getTime() - resolvedAt.getTime() <= reopenWindowMs
  );
}
