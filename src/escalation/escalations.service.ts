import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Principal } from '../auth/domain/access.js';
import { actorOf } from '../cases/case-actor.js';
import { CaseException } from '../cases/case.exception.js';
import { CaseRepository, type CaseEventDraft, type CaseMutation } from '../cases/case.repository.js';
import { CasesService, statusChanges } from '../cases/cases.service.js';
import { allowedTargets, canTransition } from '../cases/domain/case-status.js';
import { type CaseActor, SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import type { SupportCaseEntity } from '../cases/support-case.entity.js';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { Environment } from '../config/environment.js';
import { CustomersService } from '../customers/customers.service.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JobName } from '../queue/queue.types.js';
import { assessServiceHealth, concernsCustomer } from '../service-health/domain/service-health.js';
import { ServiceIncidentsService } from '../service-health/service-incidents.service.js';
import { addOpenMs } from '../sla/domain/calendar.js';
import type { SlaCalendar } from '../sla/domain/sla.types.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import type { EscalationState, HealthCheckSnapshot } from './domain/escalation.types.js';
import { type EscalationFacts, escalationReference, handoffPacket } from './domain/upstream-mapping.js';
import { EscalationDto } from './dtos/escalation.dto.js';
import { EscalationEntity } from './escalation.entity.js';
import { EscalationException, EscalationExceptionCode } from './escalation.exception.js';

const MINUTE_MS = 60_000;
const TIMELINE_LINES = 30;

export interface EscalationRequest {
  reason: string;
  triedSteps?: string | null;
  automatic?: boolean;
}

/**
 * Escalations as agents see them: creation (health check first, one open escalation per case, the
 * case becomes `escalated`), listing, retry of a failed one, and the hand-off and answers of portal
 * mode. Every change of an escalation is written in the same transaction as the case's timeline events.
 */
@Injectable()
export class EscalationsService {
  private readonly logger = new Logger(EscalationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EscalationEntity) private readonly escalations: Repository<EscalationEntity>,
    private readonly cases: CasesService,
    private readonly caseRecords: CaseRepository,
    private readonly customers: CustomersService,
    private readonly incidents: ServiceIncidentsService,
    private readonly policies: SlaPoliciesService,
    private readonly jobs: JobQueue,
    @Inject(Environment) private readonly environment: Environment,
  ) {}

  /** An agent (or, without a principal, the SLA policy) escalates a case. */
  async create(
    principal: Principal | null,
    caseId: string,
    request: EscalationRequest,
  ): Promise<EscalationDto> {
    if (principal) await this.cases.get(principal, caseId);
    const supportCase = await this.caseRecords.findById(caseId);
    if (!supportCase) throw CaseException.notFound(caseId);
    const healthCheck = await this.healthCheckOf(supportCase);
    const actor: CaseActor = principal ? actorOf(principal) : SYSTEM_ACTOR;
    const mode = this.environment.VIANET_MODE;
    const id = randomUUID();
    let created: EscalationEntity | undefined;
    await this.cases.mutate(caseId, { principal: principal ?? undefined }, async (current, now, manager) => {
      const open = await this.openEscalationOf(manager, caseId);
      if (open) {
        throw new EscalationException(
          EscalationExceptionCode.AlreadyOpen,
          `Case ${current.number} already has escalation ${open.id} (${open.state}).`,
          { existingEscalationId: open.id },
        );
      }
      if (!canTransition(current.status, 'escalated', 'escalation')) {
        throw CaseException.transitionNotAllowed(
          current.status,
          'escalated',
          allowedTargets(current.status, 'agent'),
        );
      }
      const reference = escalationReference(current.number, id);
      const portal = mode === 'portal';
      const facts = portal ? await this.factsOf(manager, current, reference, request, healthCheck) : null;
      created = manager.getRepository(EscalationEntity).create({
        id,
        caseId,
        mode,
        state: portal ? 'awaiting_handoff' : 'pending',
        reason: request.reason,
        triedSteps: request.triedSteps ?? null,
        automatic: request.automatic ?? false,
        reference,
        upstreamId: null,
        attempts: 0,
        attemptLimit: this.environment.ESCALATION_MAX_ATTEMPTS,
        lastError: null,
        healthCheck,
        handoff: facts ? handoffPacket(facts) : null,
        claimedUntil: null,
        nextAttemptAt: portal ? null : now,
        nextReminderAt: portal ? await this.nextReminder(caseId, now) : null,
        answeredAt: null,
        createdBy: actor,
        submittedAt: null,
        closedAt: null,
      });
      created = await manager.getRepository(EscalationEntity).save(created);
      return {
        changes: statusChanges(current, 'escalated', now),
        events: [
          {
            type: 'escalation_requested',
            actor,
            data: {
              escalationId: id,
              mode,
              reference,
              reason: request.reason,
              automatic: request.automatic ?? false,
            },
          },
          { type: 'health_checked', actor: SYSTEM_ACTOR, data: { escalationId: id, ...healthCheck } },
          {
            type: 'status_changed',
            actor,
            data: { from: current.status, to: 'escalated', reason: 'escalation' },
          },
        ],
      };
    });
    if (!created) throw new Error('escalation not created');
    if (created.mode !== 'portal') await this.requestSubmission(created);
    return EscalationDto.from(created);
  }

  /** The SLA policy's automatic escalation (a job): does nothing when the case no longer needs it. */
  async autoEscalate(caseId: string): Promise<{ escalated: boolean }> {
    const supportCase = await this.caseRecords.findById(caseId);
    if (!supportCase || !canTransition(supportCase.status, 'escalated', 'escalation'))
      return { escalated: false };
    if (await this.openEscalationOf(this.dataSource.manager, caseId)) return { escalated: false };
    try {
      await this.create(null, caseId, {
        reason: `Automatic escalation: severity ${supportCase.severity} case still unresolved at the share of its resolution target set by its SLA policy.`,
        automatic: true,
      });
      return { escalated: true };
    } catch (error) {
      // Escalated meanwhile, or moved to a status that cannot be escalated: nothing left to do.
      if (error instanceof EscalationException || error instanceof CaseException) return { escalated: false };
      throw error;
    }
  }

  async listForCase(principal: Principal, caseId: string): Promise<{ items: EscalationDto[] }> {
    await this.cases.get(principal, caseId);
    const rows = await this.escalations.find({ where: { caseId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return { items: rows.map((row) => EscalationDto.from(row)) };
  }

  async list(limit: number, cursor?: string, state?: EscalationState): Promise<Page<EscalationDto>> {
    const query = this.escalations.createQueryBuilder('escalation');
    if (state) query.andWhere('escalation.state = :state', { state });
    return pageByCreation(query, { limit, cursor }, (row) => EscalationDto.from(row));
  }

  async get(id: string): Promise<EscalationDto> {
    return EscalationDto.from(await this.findOrThrow(id));
  }

  /** An agent retries a failed escalation: it is sent again (looked up upstream first) and the case is escalated again. */
  async retry(principal: Principal, id: string): Promise<EscalationDto> {
    const escalation = await this.findOrThrow(id);
    const updated = await this.change(principal, escalation, ['failed'], async (current, now, manager) => {
      const open = await this.openEscalationOf(manager, escalation.caseId);
      if (open) {
        throw new EscalationException(
          EscalationExceptionCode.AlreadyOpen,
          `Escalation ${open.id} is already open.`,
          {
            existingEscalationId: open.id,
          },
        );
      }
      const escalate = canTransition(current.status, 'escalated', 'escalation');
      return {
        escalation: {
          state: escalation.mode === 'portal' ? 'awaiting_handoff' : 'pending',
          attemptLimit: escalation.attempts + this.environment.ESCALATION_MAX_ATTEMPTS,
          nextAttemptAt: now,
          lastError: null,
        },
        mutation: {
          changes: escalate ? statusChanges(current, 'escalated', now) : {},
          events: [
            { type: 'escalation_retried', actor: actorOf(principal), data: { escalationId: id } },
            ...(escalate
              ? [
                  {
                    type: 'status_changed',
                    actor: actorOf(principal),
                    data: { from: current.status, to: 'escalated', reason: 'escalation' },
                  },
                ]
              : []),
          ],
        },
      };
    });
    if (updated.mode !== 'portal') await this.requestSubmission(updated);
    return EscalationDto.from(updated);
  }

  /** Portal mode: an agent filed the packet in the Partner Center portal and records the request number. */
  async handoff(principal: Principal, id: string, upstreamId: string): Promise<EscalationDto> {
    const escalation = await this.findOrThrow(id);
    const updated = await this.change(principal, escalation, ['awaiting_handoff'], async (_current, now) => ({
      escalation: {
        state: 'submitted',
        upstreamId,
        submittedAt: now,
        nextReminderAt: await this.nextReminder(escalation.caseId, now),
      },
      mutation: {
        changes: {},
        events: [
          { type: 'escalation_submitted', actor: actorOf(principal), data: { escalationId: id, upstreamId } },
        ],
      },
    }));
    return EscalationDto.from(updated);
  }

  /**
   * Portal mode: an agent records an answer from 21Vianet; it becomes a case comment by `vianet`,
   * stops the follow-up reminders, and, when 21Vianet closed the request, resolves the case.
   */
  async recordAnswer(
    principal: Principal,
    id: string,
    text: string,
    closesRequest: boolean,
  ): Promise<EscalationDto> {
    const escalation = await this.findOrThrow(id);
    if (escalation.mode !== 'portal') {
      throw new EscalationException(
        EscalationExceptionCode.WrongState,
        `Escalation ${id} is in ${escalation.mode} mode: 21Vianet's notes arrive by synchronisation.`,
        { mode: escalation.mode },
      );
    }
    const updated = await this.change(
      principal,
      escalation,
      ['awaiting_handoff', 'submitted'],
      (current, now) => {
        const commentId = randomUUID();
        const mutation: Required<CaseMutation> = {
          changes: {},
          comments: [
            {
              id: commentId,
              body: text,
              visibility: 'internal',
              authorType: 'vianet',
              authorId: null,
              authorName: '21Vianet',
            },
          ],
          events: [
            {
              type: 'comment_added',
              actor: actorOf(principal),
              data: { commentId, visibility: 'internal', authorType: 'vianet', escalationId: id },
              visibility: 'internal',
            },
          ],
        };
        if (!closesRequest) {
          return { escalation: { answeredAt: now, nextReminderAt: null }, mutation };
        }
        const closing = closeCase(current, now, actorOf(principal), id, text);
        return {
          escalation: { answeredAt: now, nextReminderAt: null, state: 'closed', closedAt: now },
          mutation: {
            ...mutation,
            changes: closing.changes,
            events: [...mutation.events, ...closing.events],
          },
        };
      },
    );
    return EscalationDto.from(updated);
  }

  /**
   * Changes an escalation in one of `from` states together with its case (row-locked), in one
   * transaction: `decide` answers the escalation's new fields and the case mutation.
   */
  async change(
    principal: Principal | null,
    escalation: EscalationEntity,
    from: EscalationState[],
    decide: (
      current: SupportCaseEntity,
      now: Date,
      manager: EntityManager,
    ) =>
      | Promise<{ escalation: Partial<EscalationEntity>; mutation: CaseMutation }>
      | { escalation: Partial<EscalationEntity>; mutation: CaseMutation },
  ): Promise<EscalationEntity> {
    let updated: EscalationEntity | undefined;
    await this.cases.mutate(
      escalation.caseId,
      { principal: principal ?? undefined },
      async (current, now, manager) => {
        const repository = manager.getRepository(EscalationEntity);
        const locked = await repository.findOne({
          where: { id: escalation.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!locked) throw EscalationException.notFound(escalation.id);
        if (!from.includes(locked.state)) {
          throw new EscalationException(
            EscalationExceptionCode.WrongState,
            `Escalation ${locked.id} is ${locked.state}; this needs ${from.join(' or ')}.`,
            { state: locked.state, expected: from },
          );
        }
        const decision = await decide(current, now, manager);
        Object.assign(locked, decision.escalation);
        updated = await repository.save(locked);
        return decision.mutation;
      },
    );
    if (!updated) throw new Error('escalation not updated');
    return updated;
  }

  /** Asks a worker to send it now; if Redis is away, the escalation sweeper sends it. */
  async requestSubmission(escalation: Pick<EscalationEntity, 'id' | 'attempts'>): Promise<void> {
    const escalationId = escalation.id;
    try {
      // The job id names the attempt to come, so a retry after a failure is a new job.
      await this.jobs.enqueue({
        name: JobName.SubmitEscalation,
        data: { escalationId, attempt: escalation.attempts },
      });
    } catch (error) {
      this.logger.warn({ escalationId, err: error }, 'submission deferred to the escalation sweeper');
    }
  }

  /** The next reminder of portal mode, on the case's SLA calendar. */
  async nextReminder(caseId: string, from: Date): Promise<Date> {
    return addOpenMs(
      await this.calendarOf(caseId),
      from,
      this.environment.ESCALATION_REMINDER_MINUTES * MINUTE_MS,
    );
  }

  async calendarOf(caseId: string): Promise<SlaCalendar> {
    const rows: { sla_policy_version_id: string }[] = await this.dataSource.query(
      'SELECT sla_policy_version_id FROM cases WHERE id = $1',
      [caseId],
    );
    return (await this.policies.versionOf(rows[0].sla_policy_version_id)).rules.calendar;
  }

  /** Everything the upstream request or the hand-off packet says about the case. */
  async factsOf(
    manager: EntityManager,
    supportCase: SupportCaseEntity,
    reference: string,
    request: Pick<EscalationEntity, 'reason'> & { triedSteps?: string | null },
    healthCheck: HealthCheckSnapshot,
  ): Promise<EscalationFacts> {
    const customer = await this.customers.findForSystem(supportCase.customerId);
    const timeline: { type: string; at: Date; actor: CaseActor }[] = await manager.query(
      `SELECT type, at, actor FROM case_events WHERE case_id = $1 AND visibility = 'public' ORDER BY seq DESC LIMIT $2`,
      [supportCase.id, TIMELINE_LINES],
    );
    return {
      reference,
      caseNumber: supportCase.number,
      caseTitle: supportCase.title,
      caseDescription: supportCase.description,
      severity: supportCase.severity,
      service: supportCase.service,
      customerName: customer.name,
      tenantId: customer.tenantId,
      reason: request.reason,
      triedSteps: request.triedSteps ?? null,
      healthCheck,
      contact: supportCase.contact ?? customer.contacts[0] ?? null,
      timeline: timeline
        .reverse()
        .map(
          (event) =>
            `${event.at.toISOString().slice(0, 16)}Z ${event.type.replace(/_/g, ' ')} (${event.actor.name})`,
        ),
    };
  }

  /** The service-health view of the case's subscription (or of the customer's subscriptions of its service). */
  private async healthCheckOf(supportCase: SupportCaseEntity): Promise<HealthCheckSnapshot> {
    const subscriptions = (await this.customers.subscriptionsOf(supportCase.customerId)).filter(
      (subscription) =>
        supportCase.subscriptionId
          ? subscription.id === supportCase.subscriptionId
          : supportCase.service
            ? subscription.service === supportCase.service && subscription.status !== 'cancelled'
            : subscription.status !== 'cancelled',
    );
    const health = assessServiceHealth(
      subscriptions.map((subscription) => ({
        subscriptionId: subscription.id,
        service: subscription.service,
        region: subscription.region,
      })),
      (await this.incidents.active()).filter((incident) =>
        concernsCustomer(incident, supportCase.customerId),
      ),
    );
    return {
      checkedAt: new Date().toISOString(),
      services: health.map((service) => ({
        subscriptionId: service.subscriptionId,
        service: service.service,
        region: service.region,
        status: service.status,
        incidents: service.incidents.map((incident) => ({
          id: incident.id,
          title: incident.title,
          status: incident.status,
          startedAt: incident.startedAt.toISOString(),
        })),
      })),
    };
  }

  private openEscalationOf(manager: EntityManager, caseId: string): Promise<EscalationEntity | null> {
    return manager
      .getRepository(EscalationEntity)
      .createQueryBuilder('escalation')
      .where('escalation.caseId = :caseId', { caseId })
      .andWhere(`escalation.state IN ('pending', 'awaiting_handoff', 'submitted')`)
      .getOne();
  }

  private async findOrThrow(id: string): Promise<EscalationEntity> {
    const escalation = await this.escalations.findOneBy({ id });
    if (!escalation) throw EscalationException.notFound(id);
    return escalation;
  }
}

/** 21Vianet closed the request: the case is resolved (resolution `vianet`) when its status allows it. */
export function closeCase(
  current: SupportCaseEntity,
  now: Date,
  actor: CaseActor,
  escalationId: string,
  note?: string,
): { changes: CaseMutation['changes']; events: CaseEventDraft[] } {
  const events: CaseEventDraft[] = [{ type: 'escalation_closed', actor, data: { escalationId } }];
  if (!canTransition(current.status, 'resolved', 'system')) return { changes: {}, events };
  events.push({
    type: 'status_changed',
    actor,
    data: { from: current.status, to: 'resolved', reason: 'vianet' },
  });
  return {
    changes: statusChanges(current, 'resolved', now, {
      type: 'vianet',
      ...(note ? { note: note.slice(0, 2000) } : {}),
    }),
    events,
  };
}
