import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { canAccessCustomer, type Principal } from '../auth/domain/access.js';
import { requestFingerprint } from '../common/idempotency/request-fingerprint.js';
import { RequestException } from '../common/problems/request-exception.js';
import { presentFields } from '../common/validation/present-fields.js';
import {
  isConstraintViolation,
  isUniqueViolation,
  PG_FOREIGN_KEY_VIOLATION,
} from '../database/postgres-errors.js';
import { actorOf } from './case-actor.js';
import { CaseException, CaseExceptionCode } from './case.exception.js';
import { CaseRepository, type NewCase } from './case.repository.js';
import { normaliseTags } from './domain/case-changes.js';
import { CaseDto } from './dtos/case.dto.js';
import type { CreateCaseDto } from './dtos/create-case.dto.js';

/** How far in the future `reportedAt` may lie (clock skew between systems). */
const REPORTED_AT_SKEW_MS = 5 * 60 * 1000;
const EARLIEST_REPORTED_AT = Date.parse('2000-01-01T00:00:00Z');
/** An idempotency record answers replays for this long, and may be reused after it. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IntakeAnswer {
  status: number;
  body: CaseDto;
  replayed: boolean;
}

/**
 * `POST /v1/cases`: one transaction writes the case, its `opened` event and, with an
 * `Idempotency-Key`, the idempotency record holding the answer. Concurrent requests with one key
 * wait on that record's row and then replay the committed answer, so they create one case.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async open(principal: Principal, input: CreateCaseDto, idempotencyKey?: string): Promise<IntakeAnswer> {
    const newCase = await this.prepare(principal, input);
    if (!idempotencyKey) {
      return {
        status: 201,
        body: await this.insert(this.dataSource.manager, newCase, principal),
        replayed: false,
      };
    }
    const fingerprint = requestFingerprint(presentFields(input));
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (!(await this.claimKey(manager, principal.keyId, idempotencyKey, fingerprint))) return null;
      const body = await this.insert(manager, newCase, principal);
      await manager.query(
        `UPDATE idempotency_records SET status_code = 201, response_body = $3
         WHERE key_holder_id = $1 AND idempotency_key = $2`,
        [principal.keyId, idempotencyKey, JSON.stringify(body)],
      );
      return body;
    });
    if (outcome) return { status: 201, body: outcome, replayed: false };
    return this.replay(principal.keyId, idempotencyKey, fingerprint);
  }

  /**
   * Inserts the record of a key, or takes over an expired one. Returns false when a live record
   * exists: a concurrent request holding the key makes this wait until it commits or rolls back.
   */
  private async claimKey(
    manager: EntityManager,
    keyHolderId: string,
    idempotencyKey: string,
    fingerprint: string,
  ): Promise<boolean> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_records (key_holder_id, idempotency_key, request_hash, status_code, response_body)
       VALUES ($1, $2, $3, 0, 'null'::jsonb)
       ON CONFLICT (key_holder_id, idempotency_key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = 0, response_body = 'null'::jsonb, created_at = now()
         WHERE idempotency_records.created_at < now() - make_interval(hours => $4)
       RETURNING 1`,
      [keyHolderId, idempotencyKey, fingerprint, IDEMPOTENCY_TTL_HOURS],
    );
    return claimed.length === 1;
  }

  private async replay(
    keyHolderId: string,
    idempotencyKey: string,
    fingerprint: string,
  ): Promise<IntakeAnswer> {
    const rows: { request_hash: string; status_code: number; response_body: CaseDto }[] =
      await this.dataSource.query(
        `SELECT request_hash, status_code, response_body FROM idempotency_records
       WHERE key_holder_id = $1 AND idempotency_key = $2`,
        [keyHolderId, idempotencyKey],
      );
    const record = rows[0];
    if (!record) throw new Error('idempotency record vanished between claim and replay');
    if (record.request_hash !== fingerprint) {
      throw new CaseException(
        CaseExceptionCode.IdempotencyKeyReused,
        'This Idempotency-Key was first sent with a different body; use a new key for a new request.',
      );
    }
    return { status: record.status_code, body: record.response_body, replayed: true };
  }

  private async insert(manager: EntityManager, newCase: NewCase, principal: Principal): Promise<CaseDto> {
    try {
      return CaseDto.from(await this.cases.insertOpened(manager, newCase, actorOf(principal)));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_cases_customer_external_ref') && newCase.externalRef) {
        const existingId = await this.cases.findIdByExternalRef(newCase.customerId, newCase.externalRef);
        throw new CaseException(
          CaseExceptionCode.ExternalRefTaken,
          `Case ${existingId ?? '(unknown)'} already has externalRef ${JSON.stringify(newCase.externalRef)}.`,
          { existingCaseId: existingId },
        );
      }
      if (isConstraintViolation(error, PG_FOREIGN_KEY_VIOLATION)) {
        throw RequestException.validation([
          { field: 'customerId', message: `no customer with id ${newCase.customerId}` },
        ]);
      }
      throw error;
    }
  }

  /** Validates what needs the database or the clock, and fills in defaults. */
  private async prepare(principal: Principal, input: CreateCaseDto): Promise<NewCase> {
    const problems: { field: string; message: string }[] = [];
    if (!canAccessCustomer(principal, input.customerId)) {
      // An integration key cannot tell another customer from a missing one.
      problems.push({ field: 'customerId', message: `no customer with id ${input.customerId}` });
    }
    let reportedAt: Date | null = null;
    if (input.reportedAt) {
      reportedAt = new Date(input.reportedAt);
      if (reportedAt.getTime() > Date.now() + REPORTED_AT_SKEW_MS) {
        problems.push({ field: 'reportedAt', message: 'reportedAt lies in the future' });
      } else if (reportedAt.getTime() < EARLIEST_REPORTED_AT) {
        problems.push({ field: 'reportedAt', message: 'reportedAt must be after 2000-01-01' });
      }
    }
    let service = input.service ?? null;
    if (input.subscriptionId && problems.length === 0) {
      const rows: { service: typeof service }[] = await this.dataSource.query(
        `SELECT service FROM subscriptions WHERE id = $1 AND customer_id = $2`,
        [input.subscriptionId, input.customerId],
      );
      if (!rows[0]) {
        problems.push({ field: 'subscriptionId', message: 'the customer has no subscription with this id' });
      } else if (service && service !== rows[0].service) {
        problems.push({
          field: 'service',
          message: `the subscription is for ${rows[0].service}, not ${service}`,
        });
      } else {
        service = rows[0].service;
      }
    }
    if (problems.length > 0) throw RequestException.validation(problems);
    return {
      customerId: input.customerId,
      subscriptionId: input.subscriptionId ?? null,
      service,
      title: input.title,
      description: input.description,
      category: input.category ?? null,
      categorySource: input.category ? 'explicit' : 'none',
      severity: input.severity ?? 'C',
      severitySource: input.severity ? 'explicit' : 'default',
      source: principal.role === 'integration' ? 'integration' : 'agent',
      externalRef: input.externalRef ?? null,
      tags: normaliseTags(input.tags ?? []),
      contact: input.contact ? { ...input.contact } : null,
      reportedAt,
    };
  }
}
