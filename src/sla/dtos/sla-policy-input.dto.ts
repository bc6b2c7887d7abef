import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SEVERITIES, type Severity } from '../domain/sla.types.js';

export class WeeklyIntervalDto {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday' })
  @IsInt()
  @Min(0)
  @Max(6)
  day!: number;

  @ApiProperty({ example: '09:00' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '18:00', description: "HH:MM after start; '24:00' is the end of the day." })
  @Matches(/^\d{2}:\d{2}$/, { message: 'end must be HH:MM' })
  end!: string;
}

export class SlaCalendarDto {
  @ApiProperty({ enum: ['24x7', 'business_hours'] })
  @IsIn(['24x7', 'business_hours'])
  type!: '24x7' | 'business_hours';

  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: 'IANA time zone (business_hours only).' })
  @ValidateIf((calendar: SlaCalendarDto) => calendar.type === 'business_hours')
  @IsString({ message: 'timeZone is required for a business_hours calendar' })
  timeZone?: string;

  @ApiPropertyOptional({ type: [WeeklyIntervalDto], description: 'Opening intervals (business_hours only).' })
  @ValidateIf((calendar: SlaCalendarDto) => calendar.type === 'business_hours')
  @IsArray({ message: 'weekly is required for a business_hours calendar' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyIntervalDto)
  weekly?: WeeklyIntervalDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-10-01'],
    description: 'Closed local dates (business_hours only).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each holiday must be YYYY-MM-DD' })
  holidays?: string[];
}

export class SeverityTargetsDto {
  @ApiProperty({ example: 60, description: 'Minutes of calendar time.' })
  @IsInt()
  first_response!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 120 })
  @IsOptional()
  @IsInt()
  next_response?: number | null;

  @ApiProperty({ example: 480 })
  @IsInt()
  resolution!: number;
}

export class SlaTargetsDto {
  @ApiProperty({ type: SeverityTargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SeverityTargetsDto)
  A!: SeverityTargetsDto;

  @ApiProperty({ type: SeverityTargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SeverityTargetsDto)
  B!: SeverityTargetsDto;

  @ApiProperty({ type: SeverityTargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SeverityTargetsDto)
  C!: SeverityTargetsDto;
}

export class AutoEscalationDto {
  @ApiProperty({ example: 80, minimum: 1, maximum: 100, description: 'Percent of the resolution target.' })
  @IsInt()
  @Min(1)
  @Max(100)
  atPercent!: number;

  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true, default: ['A'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(SEVERITIES, { each: true })
  severities?: Severity[];
}

/** POST and PUT body: PUT replaces the whole policy (for cases opened afterwards). */
export class SlaPolicyInputDto {
  @ApiProperty({ example: 'Gold support (business hours, Shanghai)', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ default: false, description: 'The policy of customers that name none.' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @ApiProperty({ type: SlaCalendarDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SlaCalendarDto)
  calendar!: SlaCalendarDto;

  @ApiPropertyOptional({
    default: false,
    description: 'Whether resolution pauses while escalated to 21Vianet.',
  })
  @IsOptional()
  @IsBoolean()
  pauseWhileEscalated?: boolean;

  @ApiPropertyOptional({ default: 75, minimum: 1, maximum: 99 })
  @IsOptional()
  @IsInt()
  warnAtPercent?: number;

  @ApiPropertyOptional({
    type: AutoEscalationDto,
    nullable: true,
    description:
      'Escalate to 21Vianet automatically the cases still unresolved at this share of their resolution target (off when absent).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AutoEscalationDto)
  autoEscalation?: AutoEscalationDto | null;

  @ApiProperty({ type: SlaTargetsDto, description: 'Minutes per severity and metric.' })
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  targets!: SlaTargetsDto;
}
