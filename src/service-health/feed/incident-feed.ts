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
  /** The incidents active now, or null when the feed has nothing to say (nothing is resolved then). */
  abstract activeIncidents(): Promise<FeedIncident[] | null>;
}

/**
 * The default feed: an in-process stand-in for 21Vianet's service-health feed. It lists what was
 * published to it (by tests, demos or an operator tool) until it is resolved.
 */
@Injectable()
export class SimulatedIncidentFeed extends IncidentFeed {
  private readonly incidents = new Map<string, FeedIncident>();
  /** Whether anything was ever published here: a feed that never spoke must not resolve anything. */
  private spoken = false;

  publish(incident: FeedIncident): void {
    this.spoken = true;
    this.incidents.set(incident.externalId, incident);
  }

  resolve(externalId: string): void {
    this.incidents.delete(externalId);
  }

  activeIncidents(): Promise<FeedIncident[] | null> {
    return Promise.resolve(this.spoken ? [...this.incidents.values()] : null);
  }
}
