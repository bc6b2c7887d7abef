import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CaseMutation } from '../cases/case.repository.js';
import { type CaseActor, SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import { EscalationEntity } from './escalation.entity.js';
import { EscalationSubmitter } from './escalation-submitter.service.js';
import { closeCase, EscalationsService } from './escalations.service.js';
import {
  type ServiceRequest,
  UpstreamError,
  type UpstreamNote,
  VianetUpstream,
} from './upstream/vianet-upstream.js';

const VIANET_ACTOR: CaseActor = { type: 'vianet', id: null, name: '21Vianet' };
/** An outbound note left `sending` longer than this is checked upstream and sent again if missing. */
const OUTBOUND_LEASE_SECONDS = 120;

/** The identity of an upstream note, to record each one once. */
function noteKey(note: UpstreamNote): string {
  return createHash('sha256')
    .update(`${note.createdDate}\u0000${note.createdByName}\u0000${note.text}`)
    .digest('hex');
}

/**
 * Keeps open escalations and 21Vianet in step (a repeatable job): 21Vianet's notes become case
 * comments by `vianet` (each once), public agent comments on the case become upstream notes (each
 * once — a note whose send was interrupted is looked for upstream before it is sent again), and an
 * upstream closure resolves the case (resolution `vianet`). The sweeper sends due attempts whose job
 * was lost and the follow-up reminders of portal mode.
 */
@Injectable()
export class EscalationSync {
  private readonly logger = new Logger(EscalationSync.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: EscalationsService,
    private readonly submitter: EscalationSubmitter,
    private readonly upstream: VianetUpstream,
  ) {}

  async sync(): Promise<{ escalations: number }> {
    const open: (EscalationEntity & { tenant_id: string })[] = await this.dataSource
      .getRepository(EscalationEntity)
      .createQueryBuilder('escalation')
      .innerJoin('cases', 'c', 'c.id = escalation.case_id')
      .innerJoin('customers', 'customer', 'customer.id = c.customer_id')
      .addSelect('customer.tenant_id', 'tenant_id')
      .where(`escalation.state = 'submitted' AND escalation.mode <> 'portal'`)
      .getRawAndEntities()
      .then(({ entities, raw }: { entities: EscalationEntity[]; raw: { tenant_id: string }[] }) =>
        entities.map((entity, index) => Object.assign(entity, { tenant_id: raw[index].tenant_id })),
      );
    const byTenant = new Map<string, typeof open>();
    for (const escalation of open)
      byTenant.set(escalation.tenant_id, [...(byTenant.get(escalation.tenant_id) ?? []), escalation]);
    for (const [tenantId, escalations] of byTenant) {
      let requests: ServiceRequest[];
      try {
        requests = await this.upstream.list(tenantId);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        this.logger.warn({ tenantId, err: error }, 'cannot read 21Vianet requests now; next sync will');
        continue;
      }
      for (const escalation of escalations) {
        const request = requests.find((candidate) => candidate.id === escalation.upstreamId);
        if (request) await this.syncOne(escalation, request);
      }
    }
    return { escalations: open.length };
  }

  /** Due attempts whose job was lost, and portal reminders. */
  async sweep(): Promise<{ submitted: number; reminded: number }> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM escalations WHERE state = 'pending' AND next_attempt_at <= now() - interval '5 seconds'
         AND (claimed_until IS NULL OR claimed_until < now())
       ORDER BY next_attempt_at LIMIT 100`,
    );
    let submitted = 0;
    for (const { id } of due) if ((await this.submitter.submit(id)) !== 'not_due') submitted += 1;
    const reminders: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM escalations WHERE next_reminder_at <= now() AND mode = 'portal'
         AND state IN ('awaiting_handoff', 'submitted') AND answered_at IS NULL
       ORDER BY next_reminder_at LIMIT 100`,
    );
    for (const { id } of reminders) await this.remind(id);
    return { submitted, reminded: reminders.length };
  }

  private async syncOne(escalation: EscalationEntity, request: ServiceRequest): Promise<void> {
    const outbound: { text: string }[] = await this.dataSource.query(
      `SELECT text FROM escalation_notes WHERE escalation_id = $1 AND direction = 'outbound'`,
      [escalation.id],
    );
    const ours = new Set(outbound.map((note) => note.text));
    const incoming = request.notes.filter((note) => !ours.has(note.text));
    if (incoming.length > 0) await this.receiveNotes(escalation, incoming);
    await this.sendNotes(escalation, request);
    if (request.status === 'closed') await this.close(escalation, incoming.at(-1)?.text);
  }

  private async receiveNotes(escalation: EscalationEntity, notes: UpstreamNote[]): Promise<void> {
    await this.escalations.change(null, escalation, ['submitted'], async (_current, now, manager) => {
      const mutation: Required<CaseMutation> = { changes: {}, comments: [], events: [] };
      for (const note of notes) {
        const recorded: unknown[] = await manager.query(
          `INSERT INTO escalation_notes (escalation_id, direction, note_key, text, state)
           VALUES ($1, 'inbound', $2, $3, 'received') ON CONFLICT DO NOTHING RETURNING id`,
          [escalation.id, noteKey(note), note.text],
        );
        if (recorded.length === 0) continue;
        const commentId = randomUUID();
        mutation.comments.push({
          id: commentId,
          body: note.text,
          visibility: 'internal',
          authorType: 'vianet',
          authorId: null,
          authorName: note.createdByName || '21Vianet',
        });
        mutation.events.push({
          type: 'comment_added',
          actor: VIANET_ACTOR,
          data: { commentId, visibility: 'internal', authorType: 'vianet', escalationId: escalation.id },
          visibility: 'internal',
        });
      }
      return {
        escalation: mutation.comments.length > 0 ? { answeredAt: escalation.answeredAt ?? now } : {},
        mutation,
      };
    });
  }

  /** Public agent comments posted since the escalation was submitted, each sent once as an upstream note. */
  private async sendNotes(escalation: EscalationEntity, request: ServiceRequest): Promise<void> {
    const pending: { id: string; body: string }[] = await this.dataSource.query(
      `SELECT c.id, c.body FROM case_comments c
       WHERE c.case_id = $1 AND c.visibility = 'public' AND c.author_type = 'agent' AND c.created_at >= $2
         AND NOT EXISTS (SELECT 1 FROM escalation_notes n WHERE n.escalation_id = $3 AND n.direction = 'outbound'
                           AND n.note_key = c.id::text AND n.state = 'sent')
       ORDER BY c.created_at, c.id`,
      [escalation.caseId, escalation.submittedAt, escalation.id],
    );
    for (const comment of pending) {
      const claimed: { fresh: boolean }[] = await this.dataSource.query(
        `INSERT INTO escalation_notes (escalation_id, direction, note_key, text, state)
         VALUES ($1, 'outbound', $2, $3, 'sending')
         ON CONFLICT (escalation_id, direction, note_key) DO UPDATE SET created_at = now()
           WHERE escalation_notes.state = 'sending'
             AND escalation_notes.created_at < now() - make_interval(secs => $4)
         RETURNING (xmax = 0) AS fresh`,
        [escalation.id, comment.id, comment.body, OUTBOUND_LEASE_SECONDS],
      );
      if (claimed.length === 0) continue; // sent, or another worker is sending it
      // A send that was interrupted may have reached 21Vianet: look before sending again.
      const alreadyThere = !claimed[0].fresh && request.notes.some((note) => note.text === comment.body);
      try {
        if (!alreadyThere) await this.upstream.addNote(request.id, comment.body);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        this.logger.warn(
          { escalationId: escalation.id, err: error },
          'note not sent now; next sync will retry',
        );
        return;
      }
      await this.escalations.change(null, escalation, ['submitted'], async (_current, _now, manager) => {
        await manager.query(
          `UPDATE escalation_notes SET state = 'sent', sent_at = now()
           WHERE escalation_id = $1 AND direction = 'outbound' AND note_key = $2`,
          [escalation.id, comment.id],
        );
        return {
          escalation: {},
          mutation: {
            changes: {},
            events: [
              {
                type: 'escalation_note_sent',
                actor: SYSTEM_ACTOR,
                data: { escalationId: escalation.id, commentId: comment.id },
              },
            ],
          },
        };
      });
    }
  }

  private async close(escalation: EscalationEntity, lastNote: string | undefined): Promise<void> {
    await this.escalations.change(null, escalation, ['submitted'], (current, now) => ({
      escalation: { state: 'closed', closedAt: now },
      mutation: closeCase(current, now, VIANET_ACTOR, escalation.id, lastNote),
    }));
    this.logger.log(
      { escalationId: escalation.id, upstreamId: escalation.upstreamId },
      'escalation closed upstream',
    );
  }

  /** Portal mode: an internal reminder to file the request, or to chase 21Vianet's answer. */
  private async remind(escalationId: string): Promise<void> {
    const escalation = await this.dataSource.getRepository(EscalationEntity).findOneBy({ id: escalationId });
    if (!escalation) return;
    const filing = escalation.state === 'awaiting_handoff';
    const body = filing
      ? `Reminder: escalation ${escalation.reference} is still to be filed in the Partner Center portal; record the request number once filed.`
      : `Reminder: no answer from 21Vianet yet on request ${escalation.upstreamId} (escalation ${escalation.reference}); follow up in the portal.`;
    await this.escalations.change(
      null,
      escalation,
      ['awaiting_handoff', 'submitted'],
      async (_current, now) => {
        const commentId = randomUUID();
        return {
          escalation: { nextReminderAt: await this.escalations.nextReminder(escalation.caseId, now) },
          mutation: {
            changes: {},
            comments: [
              {
                id: commentId,
                body,
                visibility: 'internal',
                authorType: 'system',
                authorId: null,
                authorName: 'CaseBridge',
              },
            ],
            events: [
              {
                type: 'escalation_reminder',
                actor: SYSTEM_ACTOR,
                data: { escalationId, commentId, awaiting: filing ? 'handoff' : 'answer' },
                visibility: 'internal',
              },
            ],
          },
        };
      },
    );
  }
}
