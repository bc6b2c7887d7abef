import { ApiProperty } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import type { ApiKeyEntity } from '../api-key.entity.js';
import { ACCESS_ROLES, type AccessRole, type Principal } from '../domain/access.js';

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ACCESS_ROLES })
  role!: AccessRole;

  @ApiProperty({ type: [String], format: 'uuid' })
  customerIds!: string[];

  @ApiProperty({ description: 'The first characters of the key, to tell keys apart.', example: 'cbk_3fQ9aZ' })
  keyPrefix!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  static from(entity: ApiKeyEntity): ApiKeyDto {
    return {
      id: entity.id,
      name: entity.name,
      role: entity.role,
      customerIds: entity.customerIds,
      keyPrefix: entity.keyPrefix,
      createdAt: entity.createdAt.toISOString(),
      revokedAt: entity.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The secret. Shown only in this answer: store it now.' })
  key!: string;
}

export class ApiKeyPageDto extends pageOf(ApiKeyDto) {}

export class PrincipalDto {
  @ApiProperty({ format: 'uuid' })
  keyId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ACCESS_ROLES })
  role!: AccessRole;

  @ApiProperty({ type: [String], format: 'uuid' })
  customerIds!: string[];

  static from(principal: Principal): PrincipalDto {
    return { ...principal, customerIds: [...principal.customerIds] };
  }
}
