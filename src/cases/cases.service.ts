import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { canAccessCustomer, customerScope, type Principal } from '../auth/domain/access.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination/page.js';
import { presentFields } from '../common/validation/present-fields.js';
import { actorOf } from './case-actor.js';
import { CaseException, CaseExceptionCode } from './case.exception.js';
import { type CaseMutation, type CaseUpdate, CaseRepository } from './case.repository.js';
import { diffFields, normaliseTags } from './domain/case-changes.js';
import { allowedTargets, canTransition } from './domain/case-status.js';
import type { CaseResolution, CaseStatus } from './domain/case.types.js';
import { CaseDto } from './dtos/case.dto.js';
import type { ListCasesQueryDto } from './dtos/list-cases.query.js';
import type { UpdateCaseDto } from './dtos/update-case.dto.js';
import type { SupportCaseEntity } from './support-case.entity.js';

/** `If-Match` as sent: a version, or `*` (any version). */
export type VersionPrecondition = number | '*' | undefined;

/** Parses `If-Match: "7"` (or W/"7", or *); a malformed value matches no version. */
export function parseIfMatch(header: string | undefined): VersionPrecondition {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  return match ? Number(match[1]) : -1;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

export type { CaseMutation };

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(principal: Principal, id: string): Promise<CaseDto> {
    const found = await this.cases.findById(id);
    if (!found || !canAccessCustomer(principal, found.customerId)) throw CaseException.notFound(id);
    return CaseDto.from(found);
  }

  async list(principal: Principal, query: ListCasesQueryDto): Promise<Page<CaseDto>> {
    const limit = query.limit ?? 25;
    const before = query.cursor ? Number(decodeCursor(query.cursor, 'integer').sortKey) : undefined;
    const rows = await this.cases.list({
      customerScope: customerScope(principal),
      customerId: query.customerId,
      status: query.status,
      severity: query.severity,
      category: query.category,
      assigneeId: query.assigneeId,
      breached: query.breached,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      searchTerms: query.q ? query.q.trim().split(/\s+/).slice(0, 8) : [],
      beforeNumber: before,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => CaseDto.from(row)),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ sortKey: String(last.number), id: last.id }) : null,
    };
  }

  async update(
    principal: Principal,
    id: string,
    input: UpdateCaseDto,
    precondition: VersionPrecondition,
  ): Promise<CaseDto> {
    if (precondition === undefined) {
      throw new CaseException(
        CaseExceptionCode.IfMatchRequired,
        'PATCH needs If-Match with the ETag of the case as you read it (or * to overwrite whatever is there).',
      );
    }
    return this.mutate(id, { principal, precondition }, (current) => {
      const requested: CaseUpdate = presentFields({
        ...input,
        tags: input.tags && normaliseTags(input.tags),
      });
      const changes = diffFields(current, requested);
      if (Object.keys(changes).length === 0) return null;
      const update: CaseUpdate = Object.fromEntries(
        Object.entries(changes).map(([field, { to }]) => [field, to]),
      );
      // A person's choice is final: triage never overwrites it.
      if (changes.severity) update.severitySource = 'explicit';
      if (changes.category) update.categorySource = 'explicit';
      return { changes: update, events: [{ type: 'updated', actor: actorOf(principal), data: { changes } }] };
    });
  }

  async changeStatus(
    principal: Principal,
    id: string,
    to: CaseStatus,
    reason: string | undefined,
    precondition: VersionPrecondition,
  ): Promise<CaseDto> {
    return this.mutate(id, { principal, precondition }, (current, now) => {
      if (!canTransition(current.status, to, 'agent')) {
        throw CaseException.transitionNotAllowed(current.status, to, allowedTargets(current.status, 'agent'));
      }
      return {
        changes: statusChanges(current, to, now, { type: 'agent', ...(reason ? { note: reason } : {}) }),
        events: [
          {
            type: 'status_changed',
            actor: actorOf(principal),
            data: { from: current.status, to, ...(reason ? { reason } : {}) },
          },
        ],
      };
    });
  }

  /**
   * Runs `decide` on the locked case inside one transaction, stores its changes with a new version
   * and records its events; `decide` returning null changes nothing. Cases of customers the principal
   * may not see are 404; a stale `If-Match` is 412. Without a principal the system acts (workers).
   */
  async mutate(
    id: string,
    access: { principal?: Principal; precondition?: VersionPrecondition },
    decide: (
      current: SupportCaseEntity,
      now: Date,
      manager: EntityManager,
    ) => Promise<CaseMutation | null> | CaseMutation | null,
  ): Promise<CaseDto> {
    const { principal, precondition } = access;
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.cases.lock(manager, id);
      if (!locked || (principal && !canAccessCustomer(principal, locked.current.customerId))) {
        throw CaseException.notFound(id);
      }
      const { current, now } = locked;
      if (precondition !== undefined && precondition !== '*' && precondition !== current.version) {
        throw new CaseException(
          CaseExceptionCode.StaleVersion,
          `The case is at version ${current.version}; read it again and retry.`,
          { currentVersion: current.version },
        );
      }
      const mutation = await decide(current, now, manager);
      if (!mutation) return CaseDto.from(current);
      const updated = await this.cases.applyMutation(manager, id, mutation, now);
      if (!updated) throw new Error(`case ${id} vanished under its lock`);
      return CaseDto.from(updated);
    });
  }
}

/** The fields a status change sets besides the status itself. */
export function statusChanges(
  current: SupportCaseEntity,
  to: CaseStatus,
  now: Date,
  resolution: CaseResolution = { type: 'agent' },
): CaseUpdate {
  const changes: CaseUpdate = { status: to };
  if (to === 'resolved') {
    changes.resolvedAt = now;
    changes.resolution = resolution;
  }
  if (to === 'closed') changes.closedAt = now;
  if (current.status === 'resolved' && to !== 'closed') {
    // A reopen: the case is no longer resolved.
    changes.resolvedAt = null;
    changes.resolution = null;
  }
  return changes;
}
