import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CloudService } from '../customers/domain/cloud-service.js';
import { rawQuery } from '../database/raw-query.js';
import type {
  CaseActor,
  CaseCategory,
  CaseStatus,
  CommentAuthorType,
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

/** The entity properties a case update may set: their columns and how a JSON value becomes one. */
const UPDATABLE_COLUMNS = {
  title: { column: 'title', cast: 'text' },
  category: { column: 'category', cast: 'text' },
  categorySource: { column: 'category_source', cast: 'text' },
  severity: { column: 'severity', cast: 'text' },
  severitySource: { column: 'severity_source', cast: 'text' },
  status: { column: 'status', cast: 'text' },
  language: { column: 'language', cast: 'text' },
  assigneeId: { column: 'assignee_id', cast: 'uuid' },
  tags: { column: 'tags', cast: 'text[]' },
  firstRespondedAt: { column: 'first_responded_at', cast: 'timestamptz' },
  resolvedAt: { column: 'resolved_at', cast: 'timestamptz' },
  closedAt: { column: 'closed_at', cast: 'timestamptz' },
  resolution: { column: 'resolution', cast: 'jsonb' },
  duplicateOfId: { column: 'duplicate_of_id', cast: 'uuid' },
  incidentIds: { column: 'incident_ids', cast: 'uuid[]' },
} as const satisfies Partial<Record<keyof SupportCaseEntity, { column: string; cast: string }>>;

/** `SET column = <the JSON change when present, else the column>` for every updatable column. */
const SET_FROM_CHANGES = Object.entries(UPDATABLE_COLUMNS)
  .map(([property, { column, cast }]) => {
    const value =
      cast === 'jsonb'
        ? `x.changes -> '${property}'`
        : cast.endsWith('[]')
          ? `ARRAY(SELECT jsonb_array_elements_text(x.changes -> '${property}'))::${cast}`
          : `(x.changes ->> '${property}')::${cast}`;
    const nullable =
      cast === 'jsonb'
        ? `CASE WHEN x.changes -> '${property}' = 'null'::jsonb THEN NULL ELSE ${value} END`
        : value;
    return `${column} = CASE WHEN x.changes ? '${property}' THEN ${nullable} ELSE c.${column} END`;
  })
  .join(',\n           ');

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

/** An event a change adds to the timeline. */
export interface CaseEventDraft {
  type: string;
  actor: CaseActor;
  data: Record<string, unknown>;
  visibility?: CommentVisibility;
}

/** A comment a change adds (its id is chosen beforehand, so events can name it). */
export interface CommentDraft {
  id: string;
  body: string;
  visibility: CommentVisibility;
  authorType: CommentAuthorType;
  authorId: string | null;
  authorName: string | null;
}

/** One change of a case: its new field values, the comments it adds and its timeline events, in order. */
export interface CaseMutation {
  changes: CaseUpdate;
  events: CaseEventDraft[];
  comments?: CommentDraft[];
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

function toEntity(row: Record<string, unknown>): SupportCaseEntity {
  return Object.assign(new SupportCaseEntity(), row, { number: Number(row.number) });
}

/** Escapes LIKE wildcards so that a search term matches literally. */
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * SQL of the case aggregate. Intake is one statement (case + `opened` event), updates lock the
 * row and bump `version`, and every timestamp comes from PostgreSQL's clock (read once the row is locked),
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                 -- a reportedAt a few minutes ahead (the caller's clock is fast) counts as now
                 LEAST(COALESCE($14, now()), now()),
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
      // The clock is read after the lock is granted, so a case's events are timed in the order they happen.
      `WITH locked AS (SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 FOR UPDATE)
       SELECT locked.*, clock_timestamp()::timestamptz(3) AS "transactionNow" FROM locked`,
      [id],
    );
    if (!rows[0]) return null;
    const { transactionNow, ...row } = rows[0];
    return { current: toEntity(row), now: transactionNow as Date };
  }

  /** Applies one change (see `applyMutations`); null when `expectedVersion` no longer holds. */
  async applyMutation(
    manager: EntityManager,
    id: string,
    mutation: CaseMutation,
    at?: Date,
  ): Promise<SupportCaseEntity | null> {
    const [updated] = await this.applyMutations(manager, [{ id, mutation }], at);
    return updated ?? null;
  }

  /**
   * Applies changes to several cases in one statement: for each, the new field values with
   * `version + 1` and `updated_at`, its comments and its timeline events (in order, all at `at`: the
   * moment the caller locked the case; without it, the moment each case is updated). A case with an
   * `expectedVersion` it no longer has is left untouched. Answers the cases as stored, for those that
   * were changed.
   */
  async applyMutations(
    manager: EntityManager,
    items: { id: string; mutation: CaseMutation; expectedVersion?: number }[],
    at?: Date,
  ): Promise<SupportCaseEntity[]> {
    if (items.length === 0) return [];
    const changes = items.map(({ id, mutation, expectedVersion }) => ({
      id,
      expected_version: expectedVersion ?? null,
      changes: Object.fromEntries(
        Object.entries(mutation.changes).filter(
          ([property, value]) => property in UPDATABLE_COLUMNS && value !== undefined,
        ),
      ),
    }));
    const comments = items.flatMap(({ id, mutation }) =>
      (mutation.comments ?? []).map((comment) => ({
        case_id: id,
        id: comment.id,
        body: comment.body,
        visibility: comment.visibility,
        author_type: comment.authorType,
        author_id: comment.authorId,
        author_name: comment.authorName,
      })),
    );
    const events = items.flatMap(({ id, mutation }) =>
      mutation.events.map((event) => ({
        case_id: id,
        type: event.type,
        actor: event.actor,
        data: event.data,
        visibility: event.visibility ?? 'public',
      })),
    );
    const { records } = await rawQuery(
      manager,
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, expected_version integer, changes jsonb)
       ), c AS (
         UPDATE cases c SET
           ${SET_FROM_CHANGES},
           version = c.version + 1,
           updated_at = COALESCE($4::timestamptz, clock_timestamp()::timestamptz(3))
         FROM x
         WHERE c.id = x.id AND (x.expected_version IS NULL OR c.version = x.expected_version)
         RETURNING c.*
       ), new_comments AS (
         INSERT INTO case_comments (id, case_id, body, visibility, author_type, author_id, author_name, created_at)
         SELECT y.id, c.id, y.body, y.visibility, y.author_type, y.author_id, y.author_name, c.updated_at
         FROM jsonb_to_recordset($2::jsonb)
           AS y(case_id uuid, id uuid, body text, visibility text, author_type text, author_id text, author_name text)
         JOIN c ON c.id = y.case_id
       ), new_events AS (
         INSERT INTO case_events (case_id, type, at, actor, data, visibility)
         SELECT c.id, e.value ->> 'type', c.updated_at, e.value -> 'actor', e.value -> 'data', e.value ->> 'visibility'
         FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(value, position)
         JOIN c ON c.id = (e.value ->> 'case_id')::uuid
         ORDER BY e.position
       )
       SELECT ${CASE_COLUMNS} FROM c`,
      [JSON.stringify(changes), JSON.stringify(comments), JSON.stringify(events), at ?? null],
    );
    return records.map(toEntity);
  }

  /** Several cases by id (those that exist), in no particular order. */
  async findByIds(ids: readonly string[]): Promise<SupportCaseEntity[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toEntity);
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
