import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/domain/access.js';
import { CasesService } from '../cases/cases.service.js';
import { SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JobName } from '../queue/queue.types.js';
import {
  CLOCK_EVENT_TYPES,
  dueSlaEvents,
  slaTimelineFromCaseEvents,
  type StoredCaseEvent,
} from './domain/case-sla-timeline.js';
import { evaluateSla, nextSlaCheck, type SlaCheck } from './domain/sla-clock.js';
import type { SlaMetric, SlaMetricResult } from './domain/sla.types.js';
import { type CaseSlaDto, SlaMetricDto } from './dtos/case-sla.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';

/** How many cases one sweep looks at per batch, and how old a stale SLA state must be to count as lost. */
const SWEEP_BATCH = 200;
const STALE_AFTER_SECONDS = 30;

interface ClockInputs {
  policyVersionId: string;
  version: number;
  now: Date;
  events: StoredCaseEvent[];
}

const dueColumn: Record<SlaMetric, string> = {
  first_response: 'first_response_due_at',
  next_response: 'next_response_due_at',
  resolution: 'resolution_due_at',
};

/**
 * Keeps each case's SLA state in PostgreSQL: recomputes the clocks from the timeline, records the
 * warnings and breaches that are due (once each, by a unique index), stores the running deadlines,
 * and schedules one delayed job for the next instant something falls due. The sweeper catches up
 * whatever a lost job missed, so Redis may be flushed at any time without losing a breach.
 */
@Injectable()
export class SlaClockService {
  private readonly logger = new Logger(SlaClockService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPoliciesService,
    private readonly cases: CasesService,
    private readonly jobs: JobQueue,
  ) {}

  /** The clocks of a case, computed now from its timeline. */
  async view(principal: Principal, caseId: string): Promise<CaseSlaDto> {
    await this.cases.get(principal, caseId);
    const inputs = await this.loadInputs(this.dataSource.manager, caseId, false);
    if (!inputs) throw new Error(`case ${caseId} vanished`);
    const { policyId, version, rules } = await this.policies.versionOf(inputs.policyVersionId);
    const results = evaluateSla(rules, slaTimelineFromCaseEvents(inputs.events), inputs.now);
    return {
      policyId,
      policyVersion: version,
      calendar: rules.calendar,
      computedAt: inputs.now.toISOString(),
      metrics: results.map((result) => SlaMetricDto.from(result)),
    };
  }

  /**
   * Recomputes one case under its row lock (so recomputes and case changes never interleave),
   * records what is due, stores the deadlines, then schedules the next check.
   */
  async recompute(caseId: string): Promise<{ recorded: number; next: SlaCheck | null }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const inputs = await this.loadInputs(manager, caseId, true);
      if (!inputs) return null;
      const { rules } = await this.policies.versionOf(inputs.policyVersionId);
      const results = evaluateSla(rules, slaTimelineFromCaseEvents(inputs.events), inputs.now);
      const recorded = await this.recordDue(manager, caseId, results, inputs.now);
      const next = nextSlaCheck(results, inputs.now);
      await this.storeState(manager, caseId, inputs.version, results, next);
      return { recorded, next };
    });
    if (!outcome) return { recorded: 0, next: null };
    if (outcome.next) await this.schedule(caseId, outcome.next);
    return outcome;
  }

  /**
   * The safety net (repeatable job): recomputes every case whose next check has passed (its timer was
   * lost, e.g. Redis was flushed) or whose SLA state lags behind its last change (its event was lost).
   */
  async sweep(): Promise<{ recomputed: number }> {
    let recomputed = 0;
    const seen = new Set<string>();
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `(SELECT id FROM cases WHERE sla_next_check_at <= now() ORDER BY sla_next_check_at LIMIT $1)
         UNION
         (SELECT id FROM cases WHERE sla_evaluated_version IS DISTINCT FROM version
            AND updated_at < now() - make_interval(secs => $2) LIMIT $1)`,
        [SWEEP_BATCH, STALE_AFTER_SECONDS],
      );
      const fresh = rows.filter((row) => !seen.has(row.id));
      if (fresh.length === 0) break;
      for (const row of fresh) seen.add(row.id);
      for (let index = 0; index < fresh.length; index += 8) {
        await Promise.all(fresh.slice(index, index + 8).map((row) => this.recompute(row.id)));
      }
      recomputed += fresh.length;
      if (rows.length < SWEEP_BATCH) break;
    }
    if (recomputed > 0) this.logger.log({ recomputed }, 'SLA sweep caught up');
    return { recomputed };
  }

  private async loadInputs(
    manager: EntityManager,
    caseId: string,
    lock: boolean,
  ): Promise<ClockInputs | null> {
    const rows: { sla_policy_version_id: string; version: number; now: Date }[] = await manager.query(
      `SELECT sla_policy_version_id, version, now() AS now FROM cases WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    if (!rows[0]) return null;
    const events: StoredCaseEvent[] = await manager.query(
      `SELECT type, at, data FROM case_events WHERE case_id = $1 AND type = ANY($2) ORDER BY seq`,
      [caseId, CLOCK_EVENT_TYPES],
    );
    return {
      policyVersionId: rows[0].sla_policy_version_id,
      version: rows[0].version,
      now: rows[0].now,
      events,
    };
  }

  private async recordDue(
    manager: EntityManager,
    caseId: string,
    results: SlaMetricResult[],
    now: Date,
  ): Promise<number> {
    let recorded = 0;
    for (const due of dueSlaEvents(results, now)) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO case_events (case_id, type, at, actor, data)
         VALUES ($1, $2, now(), $3::jsonb, $4::jsonb)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          caseId,
          due.type,
          JSON.stringify(SYSTEM_ACTOR),
          JSON.stringify({ metric: due.metric, cycle: String(due.cycle), dueAt: due.dueAt.toISOString() }),
        ],
      );
      recorded += inserted.length;
    }
    return recorded;
  }

  private async storeState(
    manager: EntityManager,
    caseId: string,
    version: number,
    results: SlaMetricResult[],
    next: SlaCheck | null,
  ): Promise<void> {
    const due = new Map<SlaMetric, Date | null>([
      ['first_response', null],
      ['next_response', null],
      ['resolution', null],
    ]);
    for (const result of results) if (result.state === 'running') due.set(result.metric, result.dueAt);
    await manager.query(
      `UPDATE cases SET ${dueColumn.first_response} = $2, ${dueColumn.next_response} = $3, ${dueColumn.resolution} = $4,
         sla_breached = $5, sla_next_check_at = $6, sla_evaluated_version = $7
       WHERE id = $1`,
      [
        caseId,
        due.get('first_response'),
        due.get('next_response'),
        due.get('resolution'),
        results.some((result) => result.breached),
        next?.at ?? null,
        version,
      ],
    );
  }

  /** One delayed job per (case, metric, due instant); if Redis is away the sweeper will find the case. */
  private async schedule(caseId: string, check: SlaCheck): Promise<void> {
    try {
      await this.jobs.enqueue({
        name: JobName.SlaRecompute,
        data: {
          caseId,
          trigger: { deadline: { metric: check.metric, kind: check.kind, at: check.at.toISOString() } },
        },
      });
    } catch (error) {
      this.logger.warn({ caseId, err: error }, 'SLA timer not scheduled; the sweeper will catch it');
    }
  }
}
