import { ApiProperty } from '@nestjs/swagger';
import type { SlaCalendar, SlaMetric, SlaMetricResult } from '../domain/sla.types.js';
import { SlaCalendarDto } from './sla-policy-input.dto.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class SlaMetricDto {
  @ApiProperty({ enum: ['first_response', 'next_response', 'resolution'] })
  metric!: SlaMetric;

  @ApiProperty({ enum: ['running', 'paused', 'completed'] })
  state!: SlaMetricResult['state'];

  @ApiProperty({
    description: 'The target of the severity in force (at completion, for a completed metric).',
  })
  targetMinutes!: number;

  @ApiProperty({ description: 'Calendar time counted so far (to completion), in whole seconds.' })
  elapsedSeconds!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while paused.' })
  dueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the warning is due.' })
  warnAt!: string | null;

  @ApiProperty()
  breached!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  breachedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({
    description: 'Clock cycle: next_response starts one per customer reply after an agent reply.',
  })
  cycle!: number;

  static from(result: SlaMetricResult): SlaMetricDto {
    return {
      metric: result.metric,
      state: result.state,
      targetMinutes: result.targetMinutes,
      elapsedSeconds: result.elapsedSeconds,
      dueAt: iso(result.dueAt),
      warnAt: iso(result.warnAt),
      breached: result.breached,
      breachedAt: iso(result.breachedAt),
      completedAt: iso(result.completedAt),
      cycle: result.cycle,
    };
  }
}

export class CaseSlaDto {
  @ApiProperty({ format: 'uuid' })
  policyId!: string;

  @ApiProperty({ description: 'The policy version the case runs on.' })
  policyVersion!: number;

  @ApiProperty({ type: SlaCalendarDto })
  calendar!: SlaCalendar;

  @ApiProperty({ format: 'date-time', description: 'The instant the clocks were computed at.' })
  computedAt!: string;

  @ApiProperty({ type: [SlaMetricDto] })
  metrics!: SlaMetricDto[];
}
