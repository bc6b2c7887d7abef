import { ApiProperty } from '@nestjs/swagger';
import { CLOUD_SERVICES, type CloudService } from '../../customers/domain/cloud-service.js';
import type { ServiceStatus } from '../domain/service-health.js';

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
}

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
