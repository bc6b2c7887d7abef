import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsFQDN,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IfPresent } from '../../common/validation/optional.decorator.js';
import { CUSTOMER_LOCALES, type CustomerLocale } from '../domain/cloud-service.js';
import { ContactDto } from './contact.dto.js';

/** Every field optional; `domain` and `slaPolicyId` may be set to null to clear them. */
export class UpdateCustomerDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IfPresent()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IfPresent()
  @IsUUID('all', { message: 'tenantId must be a tenant id (a UUID)' })
  tenantId?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsFQDN({}, { message: 'domain must be a domain name' })
  domain?: string | null;

  @ApiPropertyOptional({ enum: CUSTOMER_LOCALES })
  @IfPresent()
  @IsIn(CUSTOMER_LOCALES)
  locale?: CustomerLocale;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IfPresent()
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  slaPolicyId?: string | null;

  @ApiPropertyOptional({ type: [ContactDto], description: 'Replaces the whole list.' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}
