import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Principal } from '../auth/domain/access.js';
import { decodeCursor, pageByCreation, type Page, toPage } from '../common/pagination/page.js';
import { RequestException, RequestExceptionCode } from '../common/problems/request-exception.js';
import { Environment } from '../config/environment.js';
import { actorOf } from './case-actor.js';
import { CaseCommentEntity } from './case-comment.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseException, CaseExceptionCode } from './case.exception.js';
import type { CaseEventDraft, CaseUpdate, CommentDraft } from './case.repository.js';
import { CasesService, statusChanges, type VersionPrecondition } from './cases.service.js';
import { effectsOfComment } from './domain/case-changes.js';
import type { CommentAuthorType } from './domain/case.types.js';
import { CommentDto } from './dtos/comment.dto.js';
import type { CreateCommentDto } from './dtos/create-comment.dto.js';
import { TimelineEventDto } from './dtos/timeline-event.dto.js';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class CaseCommentsService {
  constructor(
    private readonly cases: CasesService,
    @InjectRepository(CaseCommentEntity) private readonly comments: Repository<CaseCommentEntity>,
    @InjectRepository(CaseEventEntity) private readonly events: Repository<CaseEventEntity>,
    @Inject(Environment) private readonly environment: Environment,
  ) {}

  /**
   * Adds a comment and applies its effects on the case in the same transaction: the first public
   * agent reply sets firstRespondedAt; a public customer reply resumes an awaiting_customer case and
   * reopens a resolved one inside the reopen window.
   */
  async add(
    principal: Principal,
    caseId: string,
    input: CreateCommentDto,
    precondition: VersionPrecondition,
  ): Promise<CommentDto> {
    if (principal.role === 'integration' && input.authorType === 'agent') {
      throw new RequestException(
        RequestExceptionCode.Forbidden,
        "Integration keys post as the customer; the reseller's replies come from agent keys.",
      );
    }
    if (principal.role === 'integration' && input.visibility === 'internal') {
      throw new RequestException(
        RequestExceptionCode.Forbidden,
        'Integration keys post public comments only; internal notes are for the helpdesk.',
      );
    }
    const authorType: CommentAuthorType =
      input.authorType ?? (principal.role === 'integration' ? 'customer' : 'agent');
    const comment: CommentDraft = {
      id: randomUUID(),
      body: input.body,
      visibility: input.visibility,
      authorType,
      authorId: principal.keyId,
      authorName: principal.name,
    };
    let createdAt: Date | undefined;
    await this.cases.mutate(caseId, { principal, precondition }, (current, now) => {
      if (current.status === 'closed') {
        throw new CaseException(
          CaseExceptionCode.CaseClosed,
          'A closed case takes no more comments; open a new case.',
        );
      }
      createdAt = now;
      const actor = actorOf(principal);
      const effects = effectsOfComment(
        current,
        { visibility: input.visibility, authorType },
        now,
        this.environment.REOPEN_WINDOW_DAYS * DAY_MS,
      );
      const changes: CaseUpdate = {};
      const events: CaseEventDraft[] = [
        {
          type: 'comment_added',
          actor,
          data: { commentId: comment.id, visibility: input.visibility, authorType },
          visibility: input.visibility,
        },
      ];
      if (effects.firstResponse) changes.firstRespondedAt = now;
      if (effects.statusTo) {
        Object.assign(changes, statusChanges(current, effects.statusTo, now));
        events.push({
          type: 'status_changed',
          actor,
          data: { from: current.status, to: effects.statusTo, reason: 'customer_reply' },
        });
      }
      return { changes, events, comments: [comment] };
    });
    if (!createdAt) throw new Error('comment not saved');
    return CommentDto.from({ ...comment, caseId, createdAt });
  }

  async list(
    principal: Principal,
    caseId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CommentDto>> {
    await this.cases.get(principal, caseId);
    const query = this.comments.createQueryBuilder('comment').where('comment.caseId = :caseId', { caseId });
    if (principal.role === 'integration') query.andWhere(`comment.visibility = 'public'`);
    return pageByCreation(query, { limit, cursor, order: 'oldestFirst' }, (row) => {
      const comment = CommentDto.from(row);
      // Partner systems see who wrote as a role, not the reseller's own key names.
      return principal.role === 'integration' && row.authorType === 'agent'
        ? { ...comment, authorName: 'Support team' }
        : comment;
    });
  }

  /** Every change of the case, oldest first; internal ones hidden from integration keys. */
  async timeline(
    principal: Principal,
    caseId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<TimelineEventDto>> {
    await this.cases.get(principal, caseId);
    const query = this.events
      .createQueryBuilder('event')
      .where('event.caseId = :caseId', { caseId })
      .orderBy('event.seq', 'ASC')
      .limit(limit + 1);
    if (principal.role === 'integration') query.andWhere(`event.visibility = 'public'`);
    if (cursor) {
      const position = decodeCursor(cursor, 'integer');
      query.andWhere('event.seq > :seq', { seq: position.sortKey });
    }
    const rows = await query.getMany();
    return toPage(
      rows,
      limit,
      (row) => ({ sortKey: row.seq, id: row.id }),
      (row) => {
        const event = TimelineEventDto.from(row);
        // Partner systems see who acted as a role, not the reseller's API keys.
        return principal.role === 'integration' && (row.actor.type === 'agent' || row.actor.type === 'admin')
          ? { ...event, actor: { type: row.actor.type, id: null, name: 'Support team' } }
          : event;
      },
    );
  }
}
