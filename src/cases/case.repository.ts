import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CloudService } from '../customers/domain/cloud-service.js';
import { rawQuery } from '../database/raw-query.js';
import type {
  CaseActor,
  CaseCategory,
  CaseStatus,
  CommentVisibility,
  Severity,
} from './domain/case.types.js';
import {
  SupportCaseEntity,
  type CaseContact,
  type CategorySource,
  type SeveritySource,
} from './support-case.entity.js';

/** Columns of `cases` under their entity property names, for raw SQL that returns cases. */
const CASE_COLUMNS = `
  c.id, c.number, c.customer_id AS "customerId", c.subscription_id AS "subscriptionId", c.service, c.title,
  c.description, c.category, c.category_source AS "categorySource", c.severity,
  c.severity_source AS "severitySource", c.status, c.source, c.external_ref AS "externalRef", c.language,
  c.assignee_id AS "assigneeId", c.tags, c.contact, c.reported_at AS "reportedAt", c.created_at AS "createdAt",
  c.updated_at AS "updatedAt", c.first_responded_at AS "firstRespondedAt", c.resolved_at AS "resolvedAt",
  c.closed_at AS "closedAt", c.resolution, c.duplicate_of_id AS "duplicateOfId", c.incident_ids AS "incidentIds",
  c.version, c.sla_due_at AS "slaDueAt", c.sla_breached AS "slaBreached"`;

/** The entity properties a case update may set, and their columns. */
const UPDATABLE_COLUMNS = {
  title: 'title',
  category: 'category',
  categorySource: 'category_source',
  severity: 'severity',
  severitySource: 'severity_source',
  status: 'status',
  language: 'language',
  assigneeId: 'assignee_id',
  tags: 'tags',
  firstRespondedAt: 'first_responded_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  resolution: 'resolution',
  duplicateOfId: 'duplicate_of_id',
  incidentIds: 'incident_ids',
} as const satisfies Partial<Record<keyof SupportCaseEntity, string>>;

export type CaseUpdate = Partial<Pick<SupportCaseEntity, keyof typeof UPDATABLE_COLUMNS>>;

export interface NewCase {
  customerId: string;
  subscriptionId: string | null;
  service: CloudService | null;
  title: string;
  description: string;
  category: CaseCategory | null;
  categorySource: CategorySource;
  severity: Severity;
  severitySource: SeveritySource;
  source: 'agent' | 'integration';
  externalRef: string | null;
  tags: string[];
  contact: CaseContact | null;
  reportedAt: Date | null;
}

export interface NewCaseEvent {
  caseId: string;
  type: string;
  actor: CaseActor;
  data: Record<string, unknown>;
  visibility?: CommentVisibility;
}

export interface CaseListFilter {
  customerScope: readonly string[] | null;
  customerId?: string;
  status?: CaseStatus;
  severity?: Severity;
  category?: CaseCategory;
  assigneeId?: string;
  breached?: boolean;
  dueBefore?: Date;
  searchTerms: string[];
  beforeNumber?: number;
  limit: number;
}

const JSON_COLUMNS = new Set(['contact', 'resolution']);

function toEntity(row: Record<string, unknown>): SupportCaseEntity {
  return Object.assign(new SupportCaseEntity(), row, { number: Number(row.number) });
}

/** Escapes LIKE wildcards so that a search term matches literally. */
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * SQL of the case aggregate. Intake is one statement (case + `opened` event), updates lock the
 * row and bump `version`, and every timestamp comes from PostgreSQL's clock (the transaction's `now()`),
 * so that all processes agree on the order of a case's events.
 */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the case and its `opened` event in one statement; returns the case. */
  async insertOpened(manager: EntityManager, input: NewCase, actor: CaseActor): Promise<SupportCaseEntity> {
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH c AS (
         INSERT INTO cases (customer_id, subscription_id, service, title, description, category, category_source,
                            severity, severity_source, source, external_ref, tags, contact, reported_at,
                            sla_policy_version_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, COALESCE($14, now()),
                 -- the customer's SLA policy, else the default one, as it stands now
                 COALESCE((SELECT p.current_version_id FROM customers cu JOIN sla_policies p ON p.id = cu.sla_policy_id
                           WHERE cu.id = $1),
                          (SELECT current_version_id FROM sla_policies WHERE is_default)))
         RETURNING *
       ), opened AS (
         INSERT INTO case_events (case_id, type, at, actor, data)
         SELECT c.id, 'opened', c.created_at, $15::jsonb,
                jsonb_build_object('reportedAt', to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'severity', c.severity, 'category', c.category,
                                   'source', c.source, 'number', c.number)
         FROM c
       )
       SELECT ${CASE_COLUMNS} FROM c`,
      [
        input.customerId,
        input.subscriptionId,
        input.service,
        input.title,
        input.description,
        input.category,
        input.categorySource,
        input.severity,
        input.severitySource,
        input.source,
        input.externalRef,
        input.tags,
        input.contact === null ? null : JSON.stringify(input.contact),
        input.reportedAt,
        JSON.stringify(actor),
      ],
    );
    return toEntity(rows[0]);
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SupportCaseEntity | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  async findIdByExternalRef(customerId: string, externalRef: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE customer_id = $1 AND external_ref = $2`,
      [customerId, externalRef],
    );
    return rows[0]?.id ?? null;
  }

  /** Locks the case for the rest of the transaction; also returns the transaction's clock. */
  async lock(manager: EntityManager, id: string): Promise<{ current: SupportCaseEntity; now: Date } | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${CASE_COLUMNS}, now() AS "transactionNow" FROM cases c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) return null;
    const { transactionNow, ...row } = rows[0];
    return { current: toEntity(row), now: transactionNow as Date };
  }

  /** Applies `changes`, bumps the version and `updated_at`; returns the case as stored. */
  async update(manager: EntityManager, id: string, changes: CaseUpdate): Promise<SupportCaseEntity> {
    const assignments: string[] = [];
    const values: unknown[] = [id];
    for (const [property, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = UPDATABLE_COLUMNS[property as keyof typeof UPDATABLE_COLUMNS];
      values.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
      assignments.push(`${column} = $${values.length}`);
    }
    const { records } = await rawQuery(
      manager,
      `UPDATE cases c SET ${[...assignments, 'version = c.version + 1', 'updated_at = now()'].join(', ')}
       WHERE c.id = $1 RETURNING ${CASE_COLUMNS}`,
      values,
    );
    return toEntity(records[0]);
  }

  async insertEvents(manager: EntityManager, events: NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const tuples = events.map((event) => {
      values.push(event.caseId, event.type, JSON.stringify(event.actor), JSON.stringify(event.data));
      values.push(event.visibility ?? 'public');
      const base = values.length - 5;
      return `($${base + 1}, $${base + 2}, now(), $${base + 3}::jsonb, $${base + 4}::jsonb, $${base + 5})`;
    });
    await manager.query(
      `INSERT INTO case_events (case_id, type, at, actor, data, visibility) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** One page of cases, newest first. */
  async list(filter: CaseListFilter): Promise<SupportCaseEntity[]> {
    const { sql, values } = buildCaseListQuery(filter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, values);
    return rows.map(toEntity);
  }
}

/**
 * The SQL of a case listing: newest first by `number`, every filter served by an index on
 * (filter, number DESC), search terms by the trigram index on `search_text`. Exported so tests and
 * benchmarks can EXPLAIN exactly what the service runs.
 */
export function buildCaseListQuery(filter: CaseListFilter): { sql: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const where = (sql: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  if (filter.customerScope) where((p) => `c.customer_id = ANY(${p}::uuid[])`, filter.customerScope);
  if (filter.customerId) where((p) => `c.customer_id = ${p}`, filter.customerId);
  if (filter.status) where((p) => `c.status = ${p}`, filter.status);
  if (filter.severity) where((p) => `c.severity = ${p}`, filter.severity);
  if (filter.category) where((p) => `c.category = ${p}`, filter.category);
  if (filter.assigneeId) where((p) => `c.assignee_id = ${p}`, filter.assigneeId);
  if (filter.breached !== undefined) where((p) => `c.sla_breached = ${p}`, filter.breached);
  if (filter.dueBefore) where((p) => `c.sla_due_at <= ${p}`, filter.dueBefore);
  for (const term of filter.searchTerms) {
    where((p) => `c.search_text LIKE '%' || casebridge_search_text(${p}) || '%'`, likeLiteral(term));
  }
  if (filter.beforeNumber !== undefined) where((p) => `c.number < ${p}`, filter.beforeNumber);
  values.push(filter.limit);
  return {
    sql: `SELECT ${CASE_COLUMNS} FROM cases c
          ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY c.number DESC LIMIT $${values.length}`,
    values,
  };
}
