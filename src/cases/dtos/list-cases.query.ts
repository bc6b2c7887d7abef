import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import {
  CASE_CATEGORIES,
  CASE_STATUSES,
  type CaseCategory,
  type CaseStatus,
  SEVERITIES,
  type Severity,
} from '../domain/case.types.js';

export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  customerId?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: CaseCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'true: cases with a breached SLA metric; false: the others.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Cases with a running SLA metric due at or before this instant ("due in the next hour").',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueBefore must be an ISO-8601 instant' })
  dueBefore?: string;

  @ApiPropertyOptional({
    description:
      'Words or phrases searched in title and description, in English, French (accents ignored) or Chinese (substrings); every word must match.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  q?: string;
}
