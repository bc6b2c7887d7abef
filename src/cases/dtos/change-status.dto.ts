import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.types.js';

export class ChangeStatusDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  status!: CaseStatus;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why; kept on the timeline (and as the resolution note).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
