import { Inject, Injectable } from '@nestjs/common';
import { Environment } from '../../config/environment.js';
import {
  type NewServiceRequest,
  type ServiceRequest,
  type UpstreamNote,
  type UpstreamStatus,
  VianetUpstream,
} from './vianet-upstream.js';

interface SimulatedRequest {
  id: string;
  tenantId: string;
  requestId: string;
  title: string;
  description: string;
  createdAt: number;
  partnerNotes: UpstreamNote[];
}

/**
 * The default upstream (VIANET_MODE=simulator): an in-process 21Vianet that accepts requests (an
 * MS-RequestId it has seen returns the same request, as the real API does), answers with a note after
 * VIANET_SIMULATOR_REPLY_MS and closes after VIANET_SIMULATOR_CLOSE_MS — so `npm start` shows the
 * whole flow. It lives in the worker's memory: run one worker with it.
 */
@Injectable()
export class SimulatedVianetUpstream extends VianetUpstream {
  private readonly requests = new Map<string, SimulatedRequest>();
  private sequence = 0;

  constructor(@Inject(Environment) private readonly environment: Environment) {
    super();
  }

  create(request: NewServiceRequest): Promise<{ id: string; status: UpstreamStatus }> {
    const known = [...this.requests.values()].find((existing) => existing.requestId === request.requestId);
    if (known) return Promise.resolve({ id: known.id, status: this.statusOf(known) });
    this.sequence += 1;
    const id = `SIM-${String(Date.now()).slice(-6)}${String(this.sequence).padStart(4, '0')}`;
    this.requests.set(id, {
      id,
      tenantId: request.organization.id,
      requestId: request.requestId,
      title: request.title,
      description: request.description,
      createdAt: Date.now(),
      partnerNotes: [],
    });
    return Promise.resolve({ id, status: 'open' });
  }

  addNote(upstreamId: string, text: string): Promise<void> {
    this.requests
      .get(upstreamId)
      ?.partnerNotes.push({ createdByName: 'Partner', createdDate: new Date().toISOString(), text });
    return Promise.resolve();
  }

  list(tenantId: string): Promise<ServiceRequest[]> {
    return Promise.resolve(
      [...this.requests.values()]
        .filter((request) => request.tenantId === tenantId)
        .map((request) => ({
          id: request.id,
          status: this.statusOf(request),
          title: request.title,
          description: request.description,
          notes: [...request.partnerNotes, ...this.engineerNotes(request)].sort((left, right) =>
            left.createdDate.localeCompare(right.createdDate),
          ),
          lastModifiedDate: new Date().toISOString(),
        })),
    );
  }

  private statusOf(request: SimulatedRequest): UpstreamStatus {
    return Date.now() - request.createdAt >= this.environment.VIANET_SIMULATOR_CLOSE_MS ? 'closed' : 'open';
  }

  private engineerNotes(request: SimulatedRequest): UpstreamNote[] {
    const { VIANET_SIMULATOR_REPLY_MS: replyMs, VIANET_SIMULATOR_CLOSE_MS: closeMs } = this.environment;
    const age = Date.now() - request.createdAt;
    const notes: UpstreamNote[] = [];
    if (age >= replyMs) {
      notes.push({
        createdByName: '21Vianet Support',
        createdDate: new Date(request.createdAt + replyMs).toISOString(),
        text: `We have received ${request.id} and are investigating with the product team.`,
      });
    }
    if (age >= closeMs) {
      notes.push({
        createdByName: '21Vianet Support',
        createdDate: new Date(request.createdAt + closeMs).toISOString(),
        text: 'The issue is mitigated on the platform side; we are closing this request. Reopen it if it recurs.',
      });
    }
    return notes;
  }
}
