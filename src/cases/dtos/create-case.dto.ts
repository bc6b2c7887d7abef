import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ContactDto } from '../../customers/dtos/contact.dto.js';
import { CLOUD_SERVICES, type CloudService } from '../../customers/domain/cloud-service.js';
import { CASE_CATEGORIES, type CaseCategory, SEVERITIES, type Severity } from '../domain/case.types.js';

export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.:/'’&+#-]{0,49}$/u;
const TAG_MESSAGE =
  "each tag must be 1-50 letters, digits, spaces or _ . : / ' & + # -, starting with a letter or digit";
const trimTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((tag: unknown) => (typeof tag === 'string' ? tag.trim() : tag)) : value;

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  customerId!: string;

  @ApiProperty({ example: 'Teams 无法登录', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({
    example: 'Since this morning nobody in the finance team can sign in to Teams.',
    maxLength: 20000,
  })
  @IsString()
  @Length(1, 20000)
  description!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One of the customer's subscriptions." })
  @IsOptional()
  @IsUUID('all')
  subscriptionId?: string;

  @ApiPropertyOptional({ enum: CLOUD_SERVICES, description: "Defaults to the subscription's service." })
  @IsOptional()
  @IsIn(CLOUD_SERVICES)
  service?: CloudService;

  @ApiPropertyOptional({
    enum: SEVERITIES,
    description: 'A critical, B moderate, C minimal. Without it the case is C until triage suggests one.',
  })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES, description: 'Without it, triage sets one.' })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: CaseCategory;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the customer reported it (starts the SLA clocks). Defaults to now; may lie in the past.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'reportedAt must be an ISO-8601 instant' })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'reportedAt must carry a time zone (Z or ±hh:mm)' })
  reportedAt?: string;

  @ApiPropertyOptional({
    description: "The partner system's own id of the case, unique per customer.",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalRef?: string;

  @ApiPropertyOptional({ type: ContactDto, description: 'Who reported it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['vip', 'finance'] })
  @IsOptional()
  @Transform(trimTags)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];
}

export { TAG_MESSAGE, trimTags };
