import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import { ContactDto } from '../../customers/dtos/contact.dto.js';
import { CLOUD_SERVICES, type CloudService } from '../../customers/domain/cloud-service.js';
import {
  CASE_CATEGORIES,
  CASE_LANGUAGES,
  CASE_SOURCES,
  CASE_STATUSES,
  type CaseCategory,
  type CaseLanguage,
  type CaseSource,
  type CaseStatus,
  RESOLUTION_TYPES,
  type ResolutionType,
  SEVERITIES,
  type Severity,
} from '../domain/case.types.js';
import type { SupportCaseEntity } from '../support-case.entity.js';

export class CaseResolutionDto {
  @ApiProperty({ enum: RESOLUTION_TYPES })
  type!: ResolutionType;

  @ApiPropertyOptional({ format: 'uuid' })
  articleId?: string;

  @ApiPropertyOptional()
  note?: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 1042, description: 'Human-friendly, increasing.' })
  number!: number;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subscriptionId!: string | null;

  @ApiProperty({ enum: CLOUD_SERVICES, nullable: true })
  service!: CloudService | null;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: CASE_CATEGORIES, nullable: true, description: 'null until triage.' })
  category!: CaseCategory | null;

  @ApiProperty({ enum: SEVERITIES })
  severity!: Severity;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiProperty({ enum: CASE_SOURCES })
  source!: CaseSource;

  @ApiProperty({ type: String, nullable: true })
  externalRef!: string | null;

  @ApiProperty({ enum: CASE_LANGUAGES, nullable: true, description: 'null until triage.' })
  language!: CaseLanguage | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ type: ContactDto, nullable: true })
  contact!: ContactDto | null;

  @ApiProperty({ format: 'date-time' })
  reportedAt!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstRespondedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ type: CaseResolutionDto, nullable: true })
  resolution!: CaseResolutionDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  incidentIds!: string[];

  @ApiProperty({ description: 'Optimistic-concurrency version; the ETag is its quoted value.' })
  version!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The earliest due instant of the running SLA metrics (see GET /v1/cases/{id}/sla).',
  })
  slaDueAt!: string | null;

  @ApiProperty({ description: 'Whether an SLA metric of the case is breached.' })
  slaBreached!: boolean;

  static from(entity: SupportCaseEntity): CaseDto {
    return {
      id: entity.id,
      number: Number(entity.number),
      customerId: entity.customerId,
      subscriptionId: entity.subscriptionId,
      service: entity.service,
      title: entity.title,
      description: entity.description,
      category: entity.category,
      severity: entity.severity,
      status: entity.status,
      source: entity.source,
      externalRef: entity.externalRef,
      language: entity.language,
      assigneeId: entity.assigneeId,
      tags: entity.tags,
      contact: entity.contact,
      reportedAt: entity.reportedAt.toISOString(),
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
      firstRespondedAt: iso(entity.firstRespondedAt),
      resolvedAt: iso(entity.resolvedAt),
      closedAt: iso(entity.closedAt),
      resolution: entity.resolution,
      duplicateOfId: entity.duplicateOfId,
      incidentIds: entity.incidentIds,
      version: entity.version,
      slaDueAt: iso(entity.slaDueAt),
      slaBreached: entity.slaBreached,
    };
  }
}

export class CasePageDto extends pageOf(CaseDto) {}
