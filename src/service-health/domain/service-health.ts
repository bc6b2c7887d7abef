import type { CloudService } from '../../customers/domain/cloud-service.js';

export type ServiceStatus = 'healthy' | 'degraded' | 'outage';

/** What of an incident decides whom it touches and how badly. */
export interface IncidentScope {
  service: CloudService;
  /** null: the incident affects every region of the service. */
  region: string | null;
  status: 'degraded' | 'outage' | 'resolved';
}

export interface SubscribedService {
  subscriptionId: string;
  service: CloudService;
  region: string | null;
}

export type SubscribedServiceHealth<I extends IncidentScope> = SubscribedService & {
  status: ServiceStatus;
  incidents: I[];
};

/** Whether an incident concerns a customer: global ones do; a scoped one only its customers. */
export function concernsCustomer(
  incident: { customerScope: readonly string[] | null },
  customerId: string,
): boolean {
  return incident.customerScope === null || incident.customerScope.includes(customerId);
}

/** Whether an incident touches a subscription: same service, and same region unless either is region-wide. */
export function affects(
  incident: IncidentScope,
  subscription: Pick<SubscribedService, 'service' | 'region'>,
): boolean {
  return (
    incident.status !== 'resolved' &&
    incident.service === subscription.service &&
    (incident.region === null || subscription.region === null || incident.region === subscription.region)
  );
}

/** The health of each subscribed service: the worst of the active incidents that affect it. */
export function assessServiceHealth<I extends IncidentScope>(
  subscriptions: SubscribedService[],
  activeIncidents: I[],
): SubscribedServiceHealth<I>[] {
  return subscriptions.map((subscription) => {
    const incidents = activeIncidents.filter((incident) => affects(incident, subscription));
    const status: ServiceStatus = incidents.some((incident) => incident.status === 'outage')
      ? 'outage'
      : incidents.length > 0
        ? 'degraded'
        : 'healthy';
    return { ...subscription, status, incidents };
  });
}
