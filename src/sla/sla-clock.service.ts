import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/domain/access.js';
import { CasesService } from '../cases/cases.service.js';
import { SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { type JobItem, JobName } from '../queue/queue.types.js';
import {
  CLOCK_EVENT_TYPES,
  type DueSlaEvent,
  dueSlaEvents,
  slaTimelineFromCaseEvents,
  type StoredCaseEvent,
} from './domain/case-sla-timeline.js';
import { evaluateSla, nextSlaCheck, type SlaCheck } from './domain/sla-clock.js';
import type { SlaMetric, SlaMetricResult } from './domain/sla.types.js';
import { type CaseSlaDto, SlaMetricDto } from './dtos/case-sla.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';

/** How many cases one sweep looks at per batch, and how old a stale SLA state must be to count as lost. */
const SWEEP_BATCH = 500;
const STALE_AFTER_SECONDS = 30;
/** A case that changes under every attempt is left to the next event or sweep. */
const ATTEMPTS = 5;

interface ClockInputs {
  caseId: string;
  policyVersionId: string;
  version: number;
  /** The next check stored by the previous computation (its timer is scheduled, or the sweeper will see it). */
  previousCheckAt: Date | null;
  /** The case version the stored SLA state was computed from. */
  evaluatedVersion: number | null;
  /** The warnings and breaches already recorded, as `type/metric/cycle`. */
  recorded: Set<string>;
  now: Date;
  events: StoredCaseEvent[];
}

/** What a computation wants stored for one case. */
interface ClockState {
  caseId: string;
  version: number;
  /** PostgreSQL's clock when the inputs were read: an older computation never overwrites a newer one. */
  computedAt: Date;
  results: SlaMetricResult[];
  next: SlaCheck | null;
  due: DueSlaEvent[];
  moved: boolean;
}

export interface RecomputeOutcome {
  recorded: number;
  next: SlaCheck | null;
}

/**
 * Keeps each case's SLA state in PostgreSQL: recomputes the clocks from the timeline, records the
 * warnings and breaches that are due (once each, by a unique index), stores the running deadlines,
 * and schedules one delayed job for the next instant something falls due. It works on batches (one
 * read and one write for hundreds of cases) and writes nothing when nothing changed. The sweeper
 * catches up whatever a lost job missed, so Redis may be flushed at any time without losing a breach.
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
    const [inputs] = await this.loadInputs([caseId]);
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

  /** Recomputes one case (see `recomputeMany`). */
  async recompute(caseId: string): Promise<RecomputeOutcome> {
    return (await this.recomputeMany([caseId])).get(caseId) ?? { recorded: 0, next: null };
  }

  /**
   * Recomputes cases: reads them and their timelines in one query, then, in one statement, records
   * what is due and stores the deadlines of those that are still at the version read (the others are
   * read again). Schedules the next check of each case whose next check moved.
   */
  async recomputeMany(caseIds: readonly string[]): Promise<Map<string, RecomputeOutcome>> {
    const outcomes = new Map<string, RecomputeOutcome>();
    let pending = [...new Set(caseIds)];
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt += 1) {
      const states: ClockState[] = [];
      for (const inputs of await this.loadInputs(pending)) {
        const state = await this.compute(inputs);
        const unchanged =
          inputs.evaluatedVersion === inputs.version && state.due.length === 0 && !state.moved;
        if (unchanged) outcomes.set(inputs.caseId, { recorded: 0, next: state.next });
        else states.push(state);
      }
      const stored = await this.storeStates(states);
      for (const state of states) {
        const recorded = stored.get(state.caseId);
        if (recorded !== undefined) outcomes.set(state.caseId, { recorded, next: state.next });
      }
      // An unchanged next check already has its timer (or, if Redis lost it, the sweeper will find the case).
      await this.schedule(states.filter((state) => stored.has(state.caseId) && state.moved && state.next));
      pending = states.filter((state) => !stored.has(state.caseId)).map((state) => state.caseId);
    }
    if (pending.length > 0)
      this.logger.warn({ cases: pending.length }, 'cases kept changing; left to the sweeper');
    return outcomes;
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
      const fresh = rows.map((row) => row.id).filter((id) => !seen.has(id));
      if (fresh.length === 0) break;
      for (const id of fresh) seen.add(id);
      await this.recomputeMany(fresh);
      recomputed += fresh.length;
      if (rows.length < SWEEP_BATCH) break;
    }
    if (recomputed > 0) this.logger.log({ recomputed }, 'SLA sweep caught up');
    return { recomputed };
  }

  private async compute(inputs: ClockInputs): Promise<ClockState> {
    const { rules } = await this.policies.versionOf(inputs.policyVersionId);
    const results = evaluateSla(rules, slaTimelineFromCaseEvents(inputs.events), inputs.now);
    const next = nextSlaCheck(results, inputs.now);
    return {
      caseId: inputs.caseId,
      version: inputs.version,
      computedAt: inputs.now,
      results,
      next,
      due: dueSlaEvents(results, inputs.now).filter(
        (event) => !inputs.recorded.has(`${event.type}/${event.metric}/${event.cycle}`),
      ),
      moved: (next?.at.getTime() ?? null) !== (inputs.previousCheckAt?.getTime() ?? null),
    };
  }

  /** For each case: its policy version, version, stored SLA state, PostgreSQL's clock and its clock events. */
  private async loadInputs(caseIds: readonly string[]): Promise<ClockInputs[]> {
    const rows: {
      id: string;
      sla_policy_version_id: string;
      version: number;
      sla_next_check_at: Date | null;
      sla_evaluated_version: number | null;
      now: Date;
      events: { type: string; at: string; data: Record<string, unknown> }[];
      recorded: string[];
    }[] = await this.dataSource.query(
      `SELECT c.id, c.sla_policy_version_id, c.version, c.sla_next_check_at, c.sla_evaluated_version, now() AS now,
              COALESCE((SELECT json_agg(json_build_object('type', e.type, 'at', e.at, 'data', e.data) ORDER BY e.seq)
                        FROM case_events e WHERE e.case_id = c.id AND e.type = ANY($2)), '[]'::json) AS events,
              ARRAY(SELECT e.type || '/' || (e.data ->> 'metric') || '/' || (e.data ->> 'cycle') FROM case_events e
                    WHERE e.case_id = c.id AND e.type IN ('sla_warning', 'sla_breached')) AS recorded
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [caseIds, CLOCK_EVENT_TYPES],
    );
    return rows.map((row) => ({
      caseId: row.id,
      policyVersionId: row.sla_policy_version_id,
      version: row.version,
      previousCheckAt: row.sla_next_check_at,
      evaluatedVersion: row.sla_evaluated_version,
      recorded: new Set(row.recorded),
      now: row.now,
      events: row.events.map((event) => ({ type: event.type, at: new Date(event.at), data: event.data })),
    }));
  }

  /**
   * Stores the deadlines and records the due warnings and breaches (once each: ON CONFLICT on the
   * unique index) of every case still at the version it was computed from, in one statement. Answers,
   * per stored case, how many events it recorded.
   */
  private async storeStates(states: readonly ClockState[]): Promise<Map<string, number>> {
    if (states.length === 0) return new Map();
    const deadlinesOf = (results: SlaMetricResult[], metric: SlaMetric) =>
      results.find((result) => result.metric === metric && result.state === 'running')?.dueAt ?? null;
    const rows: { id: string; recorded: number }[] = await this.dataSource.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           id uuid, version integer, computed_at timestamptz, first_response_due_at timestamptz,
           next_response_due_at timestamptz, resolution_due_at timestamptz, breached boolean, next_check_at timestamptz)
       ), updated AS (
         UPDATE cases c SET first_response_due_at = x.first_response_due_at,
                next_response_due_at = x.next_response_due_at, resolution_due_at = x.resolution_due_at,
                sla_breached = x.breached, sla_next_check_at = x.next_check_at, sla_evaluated_version = c.version,
                sla_evaluated_at = x.computed_at
         FROM x WHERE c.id = x.id AND c.version = x.version
           AND (c.sla_evaluated_at IS NULL OR c.sla_evaluated_at <= x.computed_at)
         RETURNING c.id
       ), recorded AS (
         INSERT INTO case_events (case_id, type, at, actor, data)
         SELECT updated.id, y.type, clock_timestamp()::timestamptz(3), $3::jsonb, y.data
         FROM jsonb_to_recordset($2::jsonb) AS y(case_id uuid, type text, data jsonb)
         JOIN updated ON updated.id = y.case_id
         ON CONFLICT DO NOTHING
         RETURNING case_id
       )
       SELECT updated.id, (SELECT count(*)::int FROM recorded WHERE recorded.case_id = updated.id) AS recorded
       FROM updated`,
      [
        JSON.stringify(
          states.map((state) => ({
            id: state.caseId,
            version: state.version,
            computed_at: state.computedAt,
            first_response_due_at: deadlinesOf(state.results, 'first_response'),
            next_response_due_at: deadlinesOf(state.results, 'next_response'),
            resolution_due_at: deadlinesOf(state.results, 'resolution'),
            breached: state.results.some((result) => result.breached),
            next_check_at: state.next?.at ?? null,
          })),
        ),
        JSON.stringify(
          states.flatMap((state) =>
            state.due.map((event) => ({
              case_id: state.caseId,
              type: event.type,
              data: { metric: event.metric, cycle: String(event.cycle), dueAt: event.dueAt.toISOString() },
            })),
          ),
        ),
        JSON.stringify(SYSTEM_ACTOR),
      ],
    );
    return new Map(rows.map((row) => [row.id, row.recorded]));
  }

  /** One delayed job per (case, metric, due instant); if Redis is away the sweeper will find the cases. */
  private async schedule(states: readonly ClockState[]): Promise<void> {
    const timers: JobItem[] = states.flatMap((state) =>
      state.next
        ? [
            {
              name: JobName.SlaDeadline,
              data: {
                caseId: state.caseId,
                metric: state.next.metric,
                kind: state.next.kind,
                at: state.next.at.toISOString(),
              },
            },
          ]
        : [],
    );
    if (timers.length === 0) return;
    try {
      await this.jobs.enqueueAll(timers);
    } catch (error) {
      this.logger.warn(
        { timers: timers.length, err: error },
        'SLA timers not scheduled; the sweeper will catch them',
      );
    }
  }
}
