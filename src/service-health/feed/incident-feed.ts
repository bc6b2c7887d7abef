import { Injectable } from '@nestjs/common';
import type { CloudService } from '../../customers/domain/cloud-service.js';

/** An active incident as the upstream (21Vianet) service-health feed reports it. */
export interface FeedIncident {
  externalId: string;
  service: CloudService;
  region: string | null;
  title: string;
  status: 'degraded' | 'outage';
  startedAt: Date;
}

/**
 * The upstream incident feed. The poller reads the incidents active now; an incident the feed no
 * longer lists is resolved.
 */
export abstract class IncidentFeed {
  abstract activeIncidents(): Promise<FeedIncident[]>;
}

/**
 * The default feed: an in-process stand-in for 21Vianet's service-health feed. It lists what was
 * published to it (by tests, demos or an operator tool) until it is resolved.
 */
@Injectable()
export class SimulatedIncidentFeed extends IncidentFeed {
  private readonly incidents = new Map<string, FeedIncident>();

  publish(incident: FeedIncident): void {
    this.incidents.set(incident.externalId, incident);
  }

  resolve(externalId: string): void {
    this.incidents.delete(externalId);
  }

  activeIncidents(): Promise<FeedIncident[]> {
    return Promise.resolve([...this.incidents.values()]);
  }
}
