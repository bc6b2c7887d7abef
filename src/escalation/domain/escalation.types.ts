export const ESCALATION_STATES = ['pending', 'awaiting_handoff', 'submitted', 'failed', 'closed'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

/** States in which a case has an escalation under way (at most one per case). */
export const OPEN_ESCALATION_STATES: readonly EscalationState[] = [
  'pending',
  'awaiting_handoff',
  'submitted',
];

/** The service-health view of the case's subscription, taken before the escalation is sent. */
export interface HealthCheckSnapshot {
  checkedAt: string;
  services: {
    subscriptionId: string;
    service: string;
    region: string | null;
    status: 'healthy' | 'degraded' | 'outage';
    incidents: { id: string; title: string; status: string; startedAt: string }[];
  }[];
}

/** What an agent needs to file the request in the Partner Center portal by hand (portal mode). */
export interface HandoffPacket {
  text: string;
  json: Record<string, unknown>;
}
