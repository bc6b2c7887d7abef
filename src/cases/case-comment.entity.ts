import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommentAuthorType, CommentVisibility } from './domain/case.types.js';

@Entity({ name: 'case_comments' })
export class CaseCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  visibility!: CommentVisibility;

  @Column({ name: 'author_type', type: 'text' })
  authorType!: CommentAuthorType;

  /** The API key (or upstream author) that wrote it. */
  @Column({ name: 'author_id', type: 'text', nullable: true })
  authorId!: string | null;

  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
