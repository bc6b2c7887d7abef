import { ApiProperty } from '@nestjs/swagger';
import { CLOUD_SERVICES, type CloudService } from '../../customers/domain/cloud-service.js';
import { pageOf } from '../../common/pagination/page.js';
import type { ServiceStatus } from '../domain/service-health.js';
import type { IncidentSource, ServiceIncidentEntity } from '../service-incident.entity.js';

export class ServiceIncidentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: CLOUD_SERVICES })
  service!: CloudService;

  @ApiProperty({ type: String, nullable: true })
  region!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['degraded', 'outage', 'resolved'] })
  status!: 'degraded' | 'outage' | 'resolved';

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;

  @ApiProperty({ enum: ['admin', 'integration', 'feed'] })
  source!: IncidentSource;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(entity: ServiceIncidentEntity): ServiceIncidentDto {
    return {
      id: entity.id,
      service: entity.service,
      region: entity.region,
      title: entity.title,
      status: entity.status,
      startedAt: entity.startedAt.toISOString(),
      resolvedAt: entity.resolvedAt?.toISOString() ?? null,
      externalId: entity.externalId,
      source: entity.source,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class ServiceIncidentPageDto extends pageOf(ServiceIncidentDto) {}

export class SubscribedServiceHealthDto {
  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty({ enum: CLOUD_SERVICES })
  service!: CloudService;

  @ApiProperty({ type: String, nullable: true })
  region!: string | null;

  @ApiProperty({ enum: ['healthy', 'degraded', 'outage'] })
  status!: ServiceStatus;

  @ApiProperty({ type: [ServiceIncidentDto] })
  incidents!: ServiceIncidentDto[];
}

export class CustomerServiceHealthDto {
  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [SubscribedServiceHealthDto] })
  services!: SubscribedServiceHealthDto[];
}
