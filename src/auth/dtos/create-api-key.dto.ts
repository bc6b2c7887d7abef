import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../domain/access.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM integration', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ACCESS_ROLES })
  @IsIn(ACCESS_ROLES)
  role!: AccessRole;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Required for (and only for) integration keys: the customers the key may act for.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  customerIds?: string[];
}
