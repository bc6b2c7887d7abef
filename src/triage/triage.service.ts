import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaseRepository, type CaseUpdate, type NewCaseEvent } from '../cases/case.repository.js';
import { CasesService } from '../cases/cases.service.js';
import { diffFields } from '../cases/domain/case-changes.js';
import { OPEN_STATUSES, SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import type { SupportCaseEntity } from '../cases/support-case.entity.js';
import { KnowledgeService } from '../knowledge/knowledge.service.js';
import { incidentAcknowledgement } from '../service-health/domain/incident-messages.js';
import { ServiceHealthService } from '../service-health/service-health.service.js';
import { prepareTriageModels, triageCase } from './domain/triage-classifier.js';

/** Trigram similarity from which two cases of one customer are taken for the same problem. */
export const DUPLICATE_SIMILARITY = 0.6;
const SUGGESTIONS_ON_TIMELINE = 3;

type Mutation = { changes: CaseUpdate; events: Omit<NewCaseEvent, 'caseId'>[] };

/**
 * Triage of a new case (the worker, after its `opened` event): language, category and a suggested
 * severity (never over an explicit choice), a duplicate of the customer's last 24 hours, active
 * incidents on the subscribed service (with a public acknowledgement), article suggestions, and
 * `new → triaged`. Runs once per case: a case that has a language has been triaged.
 */
@Injectable()
export class TriageService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caseRecords: CaseRepository,
    private readonly cases: CasesService,
    private readonly knowledge: KnowledgeService,
    private readonly serviceHealth: ServiceHealthService,
  ) {}

  onApplicationBootstrap(): void {
    // Train the in-memory models now rather than on the first case.
    prepareTriageModels();
  }

  async triage(caseId: string): Promise<{ triaged: boolean }> {
    const supportCase = await this.caseRecords.findById(caseId);
    if (!supportCase || supportCase.language !== null) return { triaged: false };
    const result = triageCase(supportCase);
    const duplicate = await this.findDuplicate(supportCase);
    const incidents = await this.serviceHealth.incidentsAffecting(
      supportCase.customerId,
      supportCase.subscriptionId,
      supportCase.service,
    );
    const suggestions = await this.knowledge.suggest(
      { ...supportCase, category: supportCase.category ?? result.category },
      SUGGESTIONS_ON_TIMELINE,
    );

    let triaged = false;
    await this.cases.mutate(caseId, {}, async (current, now, manager) => {
      if (current.language !== null) return null;
      triaged = true;
      const mutation: Mutation = { changes: { language: result.language }, events: [] };
      const { changes } = mutation;
      if (current.categorySource === 'none')
        Object.assign(changes, { category: result.category, categorySource: 'triage' });
      if (current.severitySource === 'default')
        Object.assign(changes, { severity: result.severity, severitySource: 'triage' });
      if (current.status === 'new') changes.status = 'triaged';
      const changed = diffFields(current, {
        category: changes.category,
        severity: changes.severity,
        status: changes.status,
      });
      mutation.events.push({
        type: 'triaged',
        actor: SYSTEM_ACTOR,
        data: {
          language: result.language,
          category: result.category,
          suggestedSeverity: result.severity,
          confidence: Math.round(result.confidence * 1000) / 1000,
          changes: changed,
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
        const [comment]: { id: string }[] = await manager.query(
          `INSERT INTO case_comments (case_id, body, visibility, author_type, author_name, created_at)
           VALUES ($1, $2, 'public', 'system', 'CaseBridge', $3) RETURNING id`,
          [caseId, incidentAcknowledgement(incident, result.language), now],
        );
        mutation.events.push({
          type: 'comment_added',
          actor: SYSTEM_ACTOR,
          data: {
            commentId: comment.id,
            visibility: 'public',
            authorType: 'system',
            incidentId: incident.id,
          },
        });
      }
      return mutation;
    });
    if (triaged) {
      this.logger.debug({ caseId, category: result.category, language: result.language }, 'case triaged');
    }
    return { triaged };
  }

  /** The most similar open case of the same customer (and service, when given) from the last 24 hours. */
  private async findDuplicate(
    supportCase: SupportCaseEntity,
  ): Promise<{ id: string; number: number; similarity: number } | null> {
    const rows: { id: string; number: string; similarity: number }[] = await this.dataSource.query(
      `SELECT other.id, other.number, round(similarity(other.search_text, me.search_text)::numeric, 3)::float AS similarity
       FROM cases me
       JOIN cases other ON other.customer_id = me.customer_id AND other.id <> me.id
       WHERE me.id = $1
         AND other.status = ANY($2)
         AND other.created_at > now() - interval '24 hours'
         AND other.created_at <= me.created_at
         AND (me.service IS NULL OR other.service IS NULL OR other.service = me.service)
         AND similarity(other.search_text, me.search_text) >= $3
       ORDER BY similarity DESC, other.number DESC
       LIMIT 1`,
      [supportCase.id, OPEN_STATUSES, DUPLICATE_SIMILARITY],
    );
    const row = rows[0];
    return row ? { id: row.id, number: Number(row.number), similarity: row.similarity } : null;
  }
}
