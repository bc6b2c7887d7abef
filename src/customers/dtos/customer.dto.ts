import { ApiProperty } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import type { CustomerEntity } from '../customer.entity.js';
import { CUSTOMER_LOCALES, type CustomerLocale } from '../domain/cloud-service.js';
import { ContactDto } from './contact.dto.js';

export class CustomerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  tenantId!: string;

  @ApiProperty({ type: String, nullable: true })
  domain!: string | null;

  @ApiProperty({ enum: CUSTOMER_LOCALES })
  locale!: CustomerLocale;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  slaPolicyId!: string | null;

  @ApiProperty({ type: [ContactDto] })
  contacts!: ContactDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(entity: CustomerEntity): CustomerDto {
    return {
      id: entity.id,
      name: entity.name,
      tenantId: entity.tenantId,
      domain: entity.domain,
      locale: entity.locale,
      timeZone: entity.timeZone,
      slaPolicyId: entity.slaPolicyId,
      contacts: entity.contacts,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class CustomerPageDto extends pageOf(CustomerDto) {}
