import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto, pageOf } from '../../common/pagination/page.js';
import { VIANET_MODES, type VianetMode } from '../../config/environment.js';
import {
  ESCALATION_STATES,
  type EscalationState,
  type HandoffPacket,
  type HealthCheckSnapshot,
} from '../domain/escalation.types.js';
import type { EscalationEntity } from '../escalation.entity.js';

export class CreateEscalationDto {
  @ApiProperty({
    maxLength: 5000,
    example: 'VMs fail to start although our subscription is healthy; platform fault suspected.',
  })
  @IsString()
  @Length(1, 5000)
  reason!: string;

  @ApiPropertyOptional({
    maxLength: 10000,
    example: 'Redeployed one VM; checked quotas and the activity log.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 10000)
  triedSteps?: string;
}

export class HandoffDto {
  @ApiProperty({
    description: 'The 21Vianet request number, from the Partner Center portal.',
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  upstreamId!: string;
}

export class UpstreamNoteDto {
  @ApiProperty({ maxLength: 50000, description: "21Vianet's answer, as received." })
  @IsString()
  @Length(1, 50000)
  text!: string;

  @ApiPropertyOptional({
    default: false,
    description: '21Vianet closed the request with this answer: the case is resolved.',
  })
  @IsOptional()
  @IsBoolean()
  closesRequest?: boolean;
}

export class ListEscalationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ESCALATION_STATES })
  @IsOptional()
  @IsIn(ESCALATION_STATES)
  state?: EscalationState;
}

export class EscalationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: VIANET_MODES })
  mode!: VianetMode;

  @ApiProperty({ enum: ESCALATION_STATES })
  state!: EscalationState;

  @ApiProperty({ type: String, nullable: true, description: "21Vianet's request number." })
  upstreamId!: string | null;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The service-health view taken before sending.',
  })
  healthCheck!: HealthCheckSnapshot;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Portal mode: the packet to file by hand ({text, json}).',
  })
  handoff!: HandoffPacket | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: String, nullable: true })
  triedSteps!: string | null;

  @ApiProperty({ description: 'Started by the SLA policy rather than by an agent.' })
  automatic!: boolean;

  @ApiProperty({ description: 'Our reference, also in the upstream request.' })
  reference!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next attempt is due.',
  })
  nextAttemptAt!: string | null;

  static from(entity: EscalationEntity): EscalationDto {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      id: entity.id,
      caseId: entity.caseId,
      mode: entity.mode,
      state: entity.state,
      upstreamId: entity.upstreamId,
      attempts: entity.attempts,
      lastError: entity.lastError,
      healthCheck: entity.healthCheck,
      handoff: entity.handoff,
      createdAt: entity.createdAt.toISOString(),
      submittedAt: iso(entity.submittedAt),
      closedAt: iso(entity.closedAt),
      reason: entity.reason,
      triedSteps: entity.triedSteps,
      automatic: entity.automatic,
      reference: entity.reference,
      nextAttemptAt: entity.state === 'pending' ? iso(entity.nextAttemptAt) : null,
    };
  }
}

export class EscalationPageDto extends pageOf(EscalationDto) {}
