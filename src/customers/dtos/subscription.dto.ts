import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { pageOf } from '../../common/pagination/page.js';
import { IfPresent } from '../../common/validation/optional.decorator.js';
import {
  CLOUD_SERVICES,
  type CloudService,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from '../domain/cloud-service.js';
import type { SubscriptionEntity } from '../subscription.entity.js';

const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const REGION_MESSAGE = 'region must be a region name such as china-north-3 (lower case, digits, -)';

export class CreateSubscriptionDto {
  @ApiProperty({ enum: CLOUD_SERVICES })
  @IsIn(CLOUD_SERVICES)
  service!: CloudService;

  @ApiPropertyOptional({ example: 'Microsoft 365 E3', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  plan?: string;

  @ApiPropertyOptional({ example: 'china-north-3' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(SUBSCRIPTION_STATUSES)
  status?: SubscriptionStatus;
}

export class UpdateSubscriptionDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  plan?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string | null;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES })
  @IfPresent()
  @IsIn(SUBSCRIPTION_STATUSES)
  status?: SubscriptionStatus;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  customerId!: string;

  @ApiProperty({ enum: CLOUD_SERVICES })
  service!: CloudService;

  @ApiProperty({ type: String, nullable: true })
  plan!: string | null;

  @ApiProperty({ type: String, nullable: true })
  region!: string | null;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  status!: SubscriptionStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(entity: SubscriptionEntity): SubscriptionDto {
    return {
      id: entity.id,
      customerId: entity.customerId,
      service: entity.service,
      plan: entity.plan,
      region: entity.region,
      status: entity.status,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class SubscriptionPageDto extends pageOf(SubscriptionDto) {}
