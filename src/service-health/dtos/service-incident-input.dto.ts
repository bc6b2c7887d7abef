import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { IfPresent } from '../../common/validation/optional.decorator.js';
import { CLOUD_SERVICES, type CloudService } from '../../customers/domain/cloud-service.js';

export class CreateServiceIncidentDto {
  @ApiPropertyOptional({
    description: "The incident's id upstream (21Vianet) or in the posting system; unique.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string;

  @ApiProperty({ enum: CLOUD_SERVICES })
  @IsIn(CLOUD_SERVICES)
  service!: CloudService;

  @ApiPropertyOptional({ example: 'china-north-3', description: 'Omit when every region is affected.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'region must be a region name such as china-north-3' })
  region?: string;

  @ApiProperty({ example: 'Exchange Online: delays in mail delivery', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: ['degraded', 'outage'] })
  @IsIn(['degraded', 'outage'])
  status!: 'degraded' | 'outage';

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startedAt must be an ISO-8601 instant' })
  startedAt?: string;
}

export class UpdateServiceIncidentDto {
  @ApiPropertyOptional({
    enum: ['degraded', 'outage', 'resolved'],
    description: 'resolved tells every linked case.',
  })
  @IfPresent()
  @IsIn(['degraded', 'outage', 'resolved'])
  status?: 'degraded' | 'outage' | 'resolved';

  @ApiPropertyOptional({ maxLength: 300 })
  @IfPresent()
  @IsString()
  @Length(1, 300)
  title?: string;
}

export class ListServiceIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only degraded or outage incidents; false: only resolved ones.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
