import { ApiProperty } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import type { AutoEscalationRule, SlaPolicyRules } from '../domain/sla.types.js';
import type { SlaPolicyVersionEntity } from '../sla-policy-version.entity.js';
import type { SlaPolicyEntity } from '../sla-policy.entity.js';
import { AutoEscalationDto, SlaCalendarDto, SlaTargetsDto } from './sla-policy-input.dto.js';

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  isDefault!: boolean;

  @ApiProperty({
    description: 'Each change is a new version; cases keep the version they were opened under.',
  })
  version!: number;

  @ApiProperty({ type: SlaCalendarDto })
  calendar!: SlaPolicyRules['calendar'];

  @ApiProperty()
  pauseWhileEscalated!: boolean;

  @ApiProperty()
  warnAtPercent!: number;

  @ApiProperty({ type: SlaTargetsDto })
  targets!: SlaPolicyRules['targets'];

  @ApiProperty({ type: AutoEscalationDto, nullable: true, description: 'null: no automatic escalation.' })
  autoEscalation!: AutoEscalationRule | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(policy: SlaPolicyEntity, version: SlaPolicyVersionEntity): SlaPolicyDto {
    return {
      id: policy.id,
      name: policy.name,
      isDefault: policy.isDefault,
      version: version.version,
      calendar: version.rules.calendar,
      pauseWhileEscalated: version.rules.pauseWhileEscalated,
      warnAtPercent: version.rules.warnAtPercent,
      targets: version.rules.targets,
      autoEscalation: version.rules.autoEscalation ?? null,
      createdAt: policy.createdAt.toISOString(),
      updatedAt: policy.updatedAt.toISOString(),
    };
  }
}

export class SlaPolicyPageDto extends pageOf(SlaPolicyDto) {}
