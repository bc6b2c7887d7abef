import { ApiProperty } from '@nestjs/swagger';
import { pageOf } from '../../common/pagination/page.js';
import type { CaseCommentEntity } from '../case-comment.entity.js';
import {
  COMMENT_AUTHOR_TYPES,
  COMMENT_VISIBILITIES,
  type CommentAuthorType,
  type CommentVisibility,
} from '../domain/case.types.js';

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: COMMENT_VISIBILITIES })
  visibility!: CommentVisibility;

  @ApiProperty({ enum: COMMENT_AUTHOR_TYPES })
  authorType!: CommentAuthorType;

  @ApiProperty({ type: String, nullable: true, description: 'The API key or upstream author that wrote it.' })
  authorName!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(entity: CaseCommentEntity): CommentDto {
    return {
      id: entity.id,
      caseId: entity.caseId,
      body: entity.body,
      visibility: entity.visibility,
      authorType: entity.authorType,
      authorName: entity.authorName,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class CommentPageDto extends pageOf(CommentDto) {}
