import { ApiProperty } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import type { CaseEventEntity } from '../case-event.entity.js';
import type { CaseActor } from '../domain/case.types.js';

export class CaseActorDto {
  @ApiProperty({ enum: ['admin', 'agent', 'integration', 'system', 'vianet'] })
  type!: CaseActor['type'];

  @ApiProperty({ type: String, nullable: true, description: 'The API key id, when a key did it.' })
  id!: string | null;

  @ApiProperty()
  name!: string;
}

export class TimelineEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'status_changed',
    description:
      'opened, updated (data.changes: {field: {from, to}}), status_changed (from, to, reason), comment_added, ' +
      'and the events of triage, SLA and escalation.',
  })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: CaseActorDto })
  actor!: CaseActorDto;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  static from(entity: CaseEventEntity): TimelineEventDto {
    return {
      id: entity.id,
      type: entity.type,
      at: entity.at.toISOString(),
      actor: entity.actor,
      data: entity.data,
    };
  }
}

export class TimelinePageDto extends pageOf(TimelineEventDto) {}
