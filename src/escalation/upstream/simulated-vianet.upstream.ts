import { Inject, Injectable } from '@nestjs/common';
import { Environment } from '../../config/environment.js';
import { RedisClient } from '../../redis/redis.module.js';
import {
  type NewServiceRequest,
  type ServiceRequest,
  type UpstreamNote,
  type UpstreamStatus,
  UpstreamError,
  VianetUpstream,
} from './vianet-upstream.js';

interface SimulatedRequest {
  id: string;
  tenantId: string;
  requestId: string;
  title: string;
  description: string;
  createdAt: number;
}

/** How long the simulator keeps its requests after the last one filed or noted. */
const RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * The default upstream (VIANET_MODE=simulator): a pretend 21Vianet that accepts requests (an
 * MS-RequestId it has seen returns the same request, as the real API does), answers with a note after
 * VIANET_SIMULATOR_REPLY_MS and closes after VIANET_SIMULATOR_CLOSE_MS — so `npm start` shows the
 * whole flow. Its requests live in Redis under QUEUE_PREFIX, so every worker process sees the same
 * 21Vianet; while Redis is away it is unavailable, like a real upstream.
 */
@Injectable()
export class SimulatedVianetUpstream extends VianetUpstream {
  private readonly keyPrefix: string;

  constructor(
    @Inject(Environment) private readonly environment: Environment,
    @Inject(RedisClient) private readonly redis: RedisClient,
  ) {
    super();
    this.keyPrefix = `${environment.QUEUE_PREFIX}:vianet-simulator`;
  }

  async create(request: NewServiceRequest): Promise<{ id: string; status: UpstreamStatus }> {
    return this.reach(async () => {
      // The MS-RequestId is claimed first: of two attempts racing with one id, one id wins. The record
      // is then written only if missing, so an attempt cut off between the two steps is completed by
      // the next one instead of leaving an id that points at nothing.
      const candidate = `SIM-${String(await this.redis.incr(this.key('sequence'))).padStart(8, '0')}`;
      await this.redis.hsetnx(this.key('by-request-id'), request.requestId, candidate);
      const id = (await this.redis.hget(this.key('by-request-id'), request.requestId)) ?? candidate;
      const record: SimulatedRequest = {
        id,
        tenantId: request.organization.id,
        requestId: request.requestId,
        title: request.title,
        description: request.description,
        createdAt: Date.now(),
      };
      await this.redis
        .multi()
        .hsetnx(this.key('requests'), id, JSON.stringify(record))
        .sadd(this.key(`tenant:${record.tenantId}`), id)
        .expire(this.key('requests'), RETENTION_SECONDS)
        .expire(this.key('by-request-id'), RETENTION_SECONDS)
        .expire(this.key(`tenant:${record.tenantId}`), RETENTION_SECONDS)
        .exec();
      const stored = await this.find(id);
      return { id, status: stored ? this.statusOf(stored) : 'open' };
    });
  }

  async addNote(upstreamId: string, text: string): Promise<void> {
    await this.reach(async () => {
      if (!(await this.find(upstreamId))) {
        throw new UpstreamError('rejected', `simulated 21Vianet: no service request ${upstreamId}`, 404);
      }
      const note: UpstreamNote = { createdByName: 'Partner', createdDate: new Date().toISOString(), text };
      await this.redis
        .multi()
        .rpush(this.key(`notes:${upstreamId}`), JSON.stringify(note))
        .expire(this.key(`notes:${upstreamId}`), RETENTION_SECONDS)
        .exec();
    });
  }

  async list(tenantId: string): Promise<ServiceRequest[]> {
    return this.reach(async () => {
      const ids = (await this.redis.smembers(this.key(`tenant:${tenantId}`))).sort();
      const answer: ServiceRequest[] = [];
      for (const id of ids) {
        const request = await this.find(id);
        if (!request) continue;
        const partnerNotes = (await this.redis.lrange(this.key(`notes:${id}`), 0, -1)).map(
          (note) => JSON.parse(note) as UpstreamNote,
        );
        answer.push({
          id: request.id,
          status: this.statusOf(request),
          title: request.title,
          description: request.description,
          notes: [...partnerNotes, ...this.engineerNotes(request)].sort((left, right) =>
            left.createdDate.localeCompare(right.createdDate),
          ),
          lastModifiedDate: new Date().toISOString(),
        });
      }
      return answer;
    });
  }

  private key(suffix: string): string {
    return `${this.keyPrefix}:${suffix}`;
  }

  private async find(id: string): Promise<SimulatedRequest | null> {
    const stored = await this.redis.hget(this.key('requests'), id);
    return stored === null ? null : (JSON.parse(stored) as SimulatedRequest);
  }

  /** Runs a call; a Redis failure makes the simulated 21Vianet unavailable (retryable), not a bug. */
  private async reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new UpstreamError('unavailable', `simulated 21Vianet unavailable: ${reason}`);
    }
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
