import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IfPresent } from '../../common/validation/optional.decorator.js';
import { CASE_CATEGORIES, type CaseCategory, SEVERITIES, type Severity } from '../domain/case.types.js';
import { TAG_MESSAGE, TAG_PATTERN, trimTags } from './create-case.dto.js';

/** The fields an agent may change; send `If-Match` with the ETag you read (or `*`). */
export class UpdateCaseDto {
  @ApiPropertyOptional({ enum: SEVERITIES, description: 'An explicit choice: triage never overwrites it.' })
  @IfPresent()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IfPresent()
  @IsIn(CASE_CATEGORIES)
  category?: CaseCategory;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null unassigns.' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the tags.' })
  @IfPresent()
  @Transform(trimTags)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @ApiPropertyOptional({ maxLength: 300 })
  @IfPresent()
  @IsString()
  @Length(1, 300)
  title?: string;
}
