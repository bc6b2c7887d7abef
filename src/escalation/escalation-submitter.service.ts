import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseRepository } from '../cases/case.repository.js';
import { statusChanges } from '../cases/cases.service.js';
import { canTransition } from '../cases/domain/case-status.js';
import { SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import { Environment } from '../config/environment.js';
import { rawQuery } from '../database/raw-query.js';
import { CustomersService } from '../customers/customers.service.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JobName } from '../queue/queue.types.js';
import { retryDelayMs } from './domain/retry-delay.js';
import {
  carriesReference,
  contactNames,
  requestDescription,
  upstreamLocale,
  upstreamSeverity,
} from './domain/upstream-mapping.js';
import { EscalationEntity } from './escalation.entity.js';
import { EscalationsService } from './escalations.service.js';
import { type NewServiceRequest, UpstreamError, VianetUpstream } from './upstream/vianet-upstream.js';

export type SubmissionOutcome = 'submitted' | 'retrying' | 'failed' | 'not_due';

/**
 * The escalation worker: sends one escalation to 21Vianet, never creating two requests for it.
 * - A lease (`claimed_until`) lets one worker at a time talk to the upstream about an escalation, and
 *   the attempt is counted (committed) before the call.
 * - Every attempt after the first starts by looking the escalation's reference up upstream: a previous
 *   attempt may have created the request even though its answer was lost (a timeout, a dropped
 *   connection, a worker killed between the answer and our commit).
 * - Every attempt sends the same `MS-RequestId`.
 * - Retryable failures back off exponentially with jitter (a longer `Retry-After` wins) up to the
 *   attempt limit; then the escalation is failed, visibly, and the case goes back to in_progress.
 */
@Injectable()
export class EscalationSubmitter {
  private readonly logger = new Logger(EscalationSubmitter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationsService,
    private readonly caseRecords: CaseRepository,
    private readonly customers: CustomersService,
    private readonly upstream: VianetUpstream,
    private readonly jobs: JobQueue,
    @Inject(Environment) private readonly environment: Environment,
  ) {}

  async submit(escalationId: string): Promise<SubmissionOutcome> {
    const claimed = await this.claim(escalationId);
    if (!claimed) return 'not_due';
    let upstreamId: string | null = null;
    try {
      const request = await this.requestOf(claimed);
      if (claimed.attempts > 1) {
        const found = (await this.upstream.list(request.organization.id)).find((candidate) =>
          carriesReference(candidate, claimed.reference),
        );
        upstreamId = found?.id ?? null;
        // A long look-up may have outlived the lease, and another worker may hold the escalation now:
        // file only while the lease still holds (renewed for the call).
        if (upstreamId === null && !(await this.renewLease(claimed))) return 'not_due';
      }
      upstreamId ??= (await this.upstream.create(request)).id;
    } catch (error) {
      if (!(error instanceof UpstreamError)) {
        // Our own failure (the database, a bug): free the lease; the job's retry looks the request up first.
        await this.release(claimed);
        throw error;
      }
      return this.afterFailure(claimed, error);
    }
    await this.markSubmitted(claimed, upstreamId);
    return 'submitted';
  }

  /** How long one attempt may talk to the upstream before another worker may take the escalation over. */
  private get leaseSeconds(): number {
    return Math.ceil((3 * this.environment.VIANET_TIMEOUT_MS + 30_000) / 1000);
  }

  /** Extends this attempt's lease; false when it has run out (another attempt may have begun). */
  private async renewLease(claimed: EscalationEntity): Promise<boolean> {
    const { records } = await rawQuery<{ id: string }>(
      this.dataSource.manager,
      `UPDATE escalations SET claimed_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND state = 'pending' AND attempts = $2 AND claimed_until > now()
       RETURNING id`,
      [claimed.id, claimed.attempts, this.leaseSeconds],
    );
    if (records.length === 0) {
      this.logger.warn({ escalationId: claimed.id }, 'lease ran out during the look-up; not filing');
    }
    return records.length === 1;
  }

  /** Claims a due, pending escalation for one attempt (committed before any upstream call). */
  private async claim(escalationId: string): Promise<EscalationEntity | null> {
    const { leaseSeconds } = this;
    const { records: rows } = await rawQuery<{ id: string }>(
      this.dataSource.manager,
      `UPDATE escalations SET attempts = attempts + 1, claimed_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE id = $1 AND state = 'pending'
         AND (next_attempt_at IS NULL OR next_attempt_at <= now() + interval '100 milliseconds')
         AND (claimed_until IS NULL OR claimed_until < now())
       RETURNING id`,
      [escalationId, leaseSeconds],
    );
    if (rows.length === 0) return null;
    return this.dataSource.getRepository(EscalationEntity).findOneByOrFail({ id: escalationId });
  }

  private async requestOf(escalation: EscalationEntity): Promise<NewServiceRequest> {
    const supportCase = await this.caseRecords.findById(escalation.caseId);
    if (!supportCase) throw new Error(`case ${escalation.caseId} of escalation ${escalation.id} vanished`);
    const customer = await this.customers.findForSystem(supportCase.customerId);
    const facts = await this.escalations.factsOf(
      this.dataSource.manager,
      supportCase,
      escalation.reference,
      escalation,
      escalation.healthCheck,
    );
    const contact = facts.contact ?? {
      name: customer.name,
      email: `support@${customer.domain ?? 'invalid.example'}`,
    };
    return {
      requestId: escalation.requestId,
      correlationId: randomUUID(),
      locale: upstreamLocale(customer.locale),
      reference: escalation.reference,
      title: supportCase.title,
      description: requestDescription(facts),
      severity: upstreamSeverity(supportCase.severity),
      supportTopicId: this.environment.VIANET_SUPPORT_TOPIC_ID,
      primaryContact: { ...contactNames(contact.name), email: contact.email, phoneNumber: contact.phone },
      organization: { id: customer.tenantId, name: customer.name },
    };
  }

  private async markSubmitted(escalation: EscalationEntity, upstreamId: string): Promise<void> {
    await this.escalations.change(null, escalation, ['pending'], (_current, now) => ({
      escalation: {
        state: 'submitted',
        upstreamId,
        submittedAt: now,
        claimedUntil: null,
        nextAttemptAt: null,
        lastError: null,
      },
      mutation: {
        changes: {},
        events: [
          {
            type: 'escalation_submitted',
            actor: SYSTEM_ACTOR,
            data: { escalationId: escalation.id, upstreamId, attempts: escalation.attempts },
          },
        ],
      },
    }));
    this.logger.log(
      { escalationId: escalation.id, upstreamId, attempts: escalation.attempts },
      'escalation submitted',
    );
  }

  private async afterFailure(escalation: EscalationEntity, error: UpstreamError): Promise<SubmissionOutcome> {
    const lastError = `${error.failure}${error.status ? ` (${error.status})` : ''}: ${error.message}`.slice(
      0,
      1000,
    );
    if (!error.retryable || escalation.attempts >= escalation.attemptLimit) {
      await this.markFailed(escalation, lastError);
      return 'failed';
    }
    const delayMs = retryDelayMs(
      escalation.attempts,
      this.environment.ESCALATION_BACKOFF_MS,
      error.retryAfterMs,
      Math.random(),
    );
    await this.dataSource.query(
      `UPDATE escalations SET claimed_until = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = $1 AND state = 'pending'`,
      [escalation.id, lastError, delayMs / 1000],
    );
    try {
      await this.jobs.enqueue({
        name: JobName.SubmitEscalation,
        data: { escalationId: escalation.id, attempt: escalation.attempts, delayMs },
      });
    } catch (queueError) {
      this.logger.warn(
        { escalationId: escalation.id, err: queueError },
        'next attempt left to the escalation sweeper',
      );
    }
    this.logger.warn(
      { escalationId: escalation.id, attempt: escalation.attempts, delayMs, lastError },
      'escalation attempt failed',
    );
    return 'retrying';
  }

  private async markFailed(escalation: EscalationEntity, lastError: string): Promise<void> {
    await this.escalations.change(null, escalation, ['pending'], (current, now) => {
      // The escalation ended: the case is worked again by the reseller (and an agent may retry).
      const backToWork =
        current.status === 'escalated' && canTransition(current.status, 'in_progress', 'escalation');
      return {
        escalation: { state: 'failed', lastError, claimedUntil: null, nextAttemptAt: null },
        mutation: {
          changes: backToWork ? statusChanges(current, 'in_progress', now) : {},
          events: [
            {
              type: 'escalation_failed',
              actor: SYSTEM_ACTOR,
              data: { escalationId: escalation.id, attempts: escalation.attempts, lastError },
            },
            ...(backToWork
              ? [
                  {
                    type: 'status_changed',
                    actor: SYSTEM_ACTOR,
                    data: { from: 'escalated', to: 'in_progress', reason: 'escalation_failed' },
                  },
                ]
              : []),
          ],
        },
      };
    });
    this.logger.error(
      { escalationId: escalation.id, attempts: escalation.attempts, lastError },
      'escalation failed',
    );
  }

  private async release(escalation: EscalationEntity): Promise<void> {
    await this.dataSource.query(
      `UPDATE escalations SET claimed_until = NULL WHERE id = $1 AND state = 'pending'`,
      [escalation.id],
    );
  }
}
