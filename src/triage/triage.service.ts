import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseRepository, type CaseMutation } from '../cases/case.repository.js';
import { diffFields } from '../cases/domain/case-changes.js';
import { OPEN_STATUSES, SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import type { SupportCaseEntity } from '../cases/support-case.entity.js';
import { KnowledgeService } from '../knowledge/knowledge.service.js';
import { incidentAcknowledgement } from '../service-health/domain/incident-messages.js';
import type { ServiceIncidentEntity } from '../service-health/service-incident.entity.js';
import { ServiceHealthService } from '../service-health/service-health.service.js';
import { prepareTriageModels, triageCase } from './domain/triage-classifier.js';

/** Trigram similarity from which two cases of one customer are taken for the same problem. */
export const DUPLICATE_SIMILARITY = 0.6;
/** How many of the customer's latest open cases a new case is compared with. */
const DUPLICATE_CANDIDATES = 200;
const SUGGESTIONS_ON_TIMELINE = 3;
/** A case still untriaged this long after intake was missed (its job was lost): the sweeper triages it. */
const MISSED_AFTER_SECONDS = 60;
const ATTEMPTS = 5;

interface Duplicate {
  id: string;
  number: number;
  similarity: number;
}

/**
 * Triage of new cases (the worker, after their `opened` events): language, category and a suggested
 * severity (never over an explicit choice), a duplicate of the customer's last 24 hours, active
 * incidents on the subscribed service (with a public acknowledgement), article suggestions, and
 * `new → triaged`. Works on batches — one read, one duplicate query and one write for a relay batch of
 * cases — and writes a case only if it has not changed since it was read (it is read again otherwise).
 * Runs once per case: a case that has a language has been triaged.
 */
@Injectable()
export class TriageService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caseRecords: CaseRepository,
    private readonly knowledge: KnowledgeService,
    private readonly serviceHealth: ServiceHealthService,
  ) {}

  onApplicationBootstrap(): void {
    // Train the in-memory models now rather than on the first case.
    prepareTriageModels();
  }

  async triage(caseId: string): Promise<{ triaged: boolean }> {
    return { triaged: (await this.triageMany([caseId])).triaged === 1 };
  }

  async triageMany(caseIds: readonly string[]): Promise<{ triaged: number }> {
    let pending = [...new Set(caseIds)];
    let triaged = 0;
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt += 1) {
      const cases = (await this.caseRecords.findByIds(pending)).filter(
        (supportCase) => supportCase.language === null,
      );
      if (cases.length === 0) break;
      const [duplicates, incidents] = await Promise.all([
        this.findDuplicates(cases),
        this.serviceHealth.incidentsAffectingCases(cases),
      ]);
      const items = await Promise.all(
        cases.map(async (supportCase) => ({
          id: supportCase.id,
          expectedVersion: supportCase.version,
          mutation: await this.mutationFor(
            supportCase,
            duplicates.get(supportCase.id),
            incidents.get(supportCase.id) ?? [],
          ),
        })),
      );
      const updated = new Set(
        (await this.caseRecords.applyMutations(this.dataSource.manager, items)).map(
          (supportCase) => supportCase.id,
        ),
      );
      triaged += updated.size;
      // Those that changed since they were read (an agent took one, say) are read again.
      pending = cases.map((supportCase) => supportCase.id).filter((id) => !updated.has(id));
    }
    if (pending.length > 0)
      this.logger.warn({ cases: pending.length }, 'cases kept changing; left to the sweeper');
    return { triaged };
  }

  /** The safety net (repeatable job): cases still untriaged a minute after intake, whose job was lost. */
  async sweep(): Promise<{ triaged: number }> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE language IS NULL AND created_at < now() - make_interval(secs => $1)
       ORDER BY created_at LIMIT 500`,
      [MISSED_AFTER_SECONDS],
    );
    if (rows.length === 0) return { triaged: 0 };
    const outcome = await this.triageMany(rows.map((row) => row.id));
    this.logger.log({ triaged: outcome.triaged }, 'triage sweep caught up');
    return outcome;
  }

  private async mutationFor(
    current: SupportCaseEntity,
    duplicate: Duplicate | undefined,
    incidents: ServiceIncidentEntity[],
  ): Promise<CaseMutation> {
    const result = triageCase(current);
    const suggestions = await this.knowledge.suggest(
      { ...current, category: current.category ?? result.category },
      SUGGESTIONS_ON_TIMELINE,
    );
    const mutation: Required<CaseMutation> = {
      changes: { language: result.language },
      events: [],
      comments: [],
    };
    const { changes } = mutation;
    if (current.categorySource === 'none')
      Object.assign(changes, { category: result.category, categorySource: 'triage' });
    if (current.severitySource === 'default')
      Object.assign(changes, { severity: result.severity, severitySource: 'triage' });
    if (current.status === 'new') changes.status = 'triaged';
    mutation.events.push({
      type: 'triaged',
      actor: SYSTEM_ACTOR,
      data: {
        language: result.language,
        category: result.category,
        suggestedSeverity: result.severity,
        confidence: Math.round(result.confidence * 1000) / 1000,
        changes: diffFields(current, {
          category: changes.category,
          severity: changes.severity,
          status: changes.status,
        }),
        suggestions: suggestions.map(({ articleId, slug, score }) => ({ articleId, slug, score })),
      },
    });
    if (changes.status) {
      mutation.events.push({
        type: 'status_changed',
        actor: SYSTEM_ACTOR,
        data: { from: current.status, to: 'triaged', reason: 'triage' },
      });
    }
    if (duplicate) {
      changes.duplicateOfId = duplicate.id;
      mutation.events.push({
        type: 'duplicate_detected',
        actor: SYSTEM_ACTOR,
        data: {
          duplicateOfId: duplicate.id,
          duplicateOfNumber: duplicate.number,
          similarity: duplicate.similarity,
        },
      });
    }
    const newIncidents = incidents.filter((incident) => !current.incidentIds.includes(incident.id));
    if (newIncidents.length > 0)
      changes.incidentIds = [...current.incidentIds, ...newIncidents.map((incident) => incident.id)];
    for (const incident of newIncidents) {
      mutation.events.push({
        type: 'incident_linked',
        actor: SYSTEM_ACTOR,
        data: { incidentId: incident.id },
      });
      const comment = {
        id: randomUUID(),
        body: incidentAcknowledgement(incident, result.language),
        visibility: 'public' as const,
        authorType: 'system' as const,
        authorId: null,
        authorName: 'CaseBridge',
      };
      mutation.comments.push(comment);
      mutation.events.push({
        type: 'comment_added',
        actor: SYSTEM_ACTOR,
        data: { commentId: comment.id, visibility: 'public', authorType: 'system', incidentId: incident.id },
      });
    }
    return mutation;
  }

  /**
   * For each case, the most similar open case of the same customer (and service, when given) from the
   * last 24 hours, among the customer's latest ones: one query for the whole batch.
   */
  private async findDuplicates(cases: readonly SupportCaseEntity[]): Promise<Map<string, Duplicate>> {
    const rows: { case_id: string; id: string; number: string; similarity: number }[] =
      await this.dataSource.query(
        `SELECT me.id AS case_id, d.id, d.number, d.similarity
       FROM cases me
       CROSS JOIN LATERAL (
         SELECT candidate.id, candidate.number,
                round(similarity(candidate.search_text, me.search_text)::numeric, 3)::float AS similarity
         FROM (
           SELECT id, number, service, search_text FROM cases
           WHERE customer_id = me.customer_id AND id <> me.id AND status = ANY($2)
             AND created_at > now() - interval '24 hours'
             -- only earlier cases (the case number breaks ties), so two cases never point at each other
             AND (created_at, number) < (me.created_at, me.number)
           ORDER BY created_at DESC LIMIT $3
         ) candidate
         WHERE (me.service IS NULL OR candidate.service IS NULL OR candidate.service = me.service)
           AND similarity(candidate.search_text, me.search_text) >= $4
         ORDER BY similarity DESC, candidate.number DESC
         LIMIT 1
       ) d
       WHERE me.id = ANY($1::uuid[])`,
        [
          cases.map((supportCase) => supportCase.id),
          OPEN_STATUSES,
          DUPLICATE_CANDIDATES,
          DUPLICATE_SIMILARITY,
        ],
      );
    return new Map(
      rows.map((row) => [
        row.case_id,
        { id: row.id, number: Number(row.number), similarity: row.similarity },
      ]),
    );
  }
}
