import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { COMMENT_VISIBILITIES, type CommentVisibility } from '../domain/case.types.js';

export const POSTABLE_AUTHOR_TYPES = ['agent', 'customer'] as const;
export type PostableAuthorType = (typeof POSTABLE_AUTHOR_TYPES)[number];

export class CreateCommentDto {
  @ApiProperty({ maxLength: 50000 })
  @IsString()
  @Length(1, 50000)
  body!: string;

  @ApiProperty({
    enum: COMMENT_VISIBILITIES,
    description: 'internal notes are never shown to integration keys.',
  })
  @IsIn(COMMENT_VISIBILITIES)
  visibility!: CommentVisibility;

  @ApiPropertyOptional({
    enum: POSTABLE_AUTHOR_TYPES,
    description: 'Defaults to agent for agent and admin keys, customer for integration keys.',
  })
  @IsOptional()
  @IsIn(POSTABLE_AUTHOR_TYPES)
  authorType?: PostableAuthorType;
}
