import type { CloudService } from '../../customers/domain/cloud-service.js';

export type ServiceStatus = 'healthy' | 'degraded' | 'outage';

export interface ServiceIncidentView {
  id: string;
  service: CloudService;
  /** null: the incident affects every region of the service. */
  region: string | null;
  title: string;
  status: 'degraded' | 'outage' | 'resolved';
  startedAt: Date;
}

export interface SubscribedService {
  subscriptionId: string;
  service: CloudService;
  region: string | null;
}

export interface SubscribedServiceHealth extends SubscribedService {
  status: ServiceStatus;
  incidents: ServiceIncidentView[];
}

/** Whether an incident touches a subscription: same service, and same region unless either is region-wide. */
export function affects(incident: ServiceIncidentView, subscription: SubscribedService): boolean {
  return (
    incident.status !== 'resolved' &&
    incident.service === subscription.service &&
    (incident.region === null || subscription.region === null || incident.region === subscription.region)
  );
}

/** The health of each subscribed service: the worst of the active incidents that affect it. */
export function assessServiceHealth(
  subscriptions: SubscribedService[],
  activeIncidents: ServiceIncidentView[],
): SubscribedServiceHealth[] {
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
