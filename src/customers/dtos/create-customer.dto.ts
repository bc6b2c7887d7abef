import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { CUSTOMER_LOCALES, type CustomerLocale } from '../domain/cloud-service.js';
import { ContactDto } from './contact.dto.js';

export class CreateCustomerDto {
  @ApiProperty({ example: 'Contoso (Shanghai) Ltd.', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The Microsoft Entra tenant id in the 21Vianet cloud.' })
  @IsUUID('all', { message: 'tenantId must be a tenant id (a UUID)' })
  tenantId!: string;

  @ApiPropertyOptional({ example: 'contoso.partner.onmschina.cn' })
  @IsOptional()
  @IsFQDN({}, { message: 'domain must be a domain name' })
  domain?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_LOCALES, default: 'zh' })
  @IsOptional()
  @IsIn(CUSTOMER_LOCALES)
  locale?: CustomerLocale;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai', description: 'IANA time zone.' })
  @IsOptional()
  @IsString()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The SLA policy of the customer's support plan." })
  @IsOptional()
  @IsUUID('all')
  slaPolicyId?: string;

  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
}
