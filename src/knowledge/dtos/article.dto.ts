import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto, pageOf } from '../../common/pagination/page.js';
import { CASE_CATEGORIES, CASE_LANGUAGES, type CaseCategory } from '../../cases/domain/case.types.js';
import { TAG_MESSAGE, TAG_PATTERN, trimTags } from '../../cases/dtos/create-case.dto.js';
import type { ArticleEntity } from '../article.entity.js';
import type { ArticleLocale } from '../domain/article-suggester.js';

export class CreateArticleDto {
  @ApiProperty({ example: 'reset-admin-password', description: 'Unique; lower case, digits and -.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,199}$/, {
    message: 'slug must be lower-case letters, digits and - (max 200)',
  })
  slug!: string;

  @ApiProperty({ enum: CASE_LANGUAGES })
  @IsIn(CASE_LANGUAGES)
  locale!: ArticleLocale;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ maxLength: 100000 })
  @IsString()
  @Length(1, 100000)
  body!: string;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: CaseCategory;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimTags)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];
}

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Words searched in title and body (accents ignored, Chinese substrings).',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  q?: string;

  @ApiPropertyOptional({ enum: CASE_LANGUAGES })
  @IsOptional()
  @IsIn(CASE_LANGUAGES)
  locale?: ArticleLocale;
}

export class ArticleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty({ enum: CASE_LANGUAGES })
  locale!: ArticleLocale;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: CASE_CATEGORIES, nullable: true })
  category!: CaseCategory | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(entity: ArticleEntity): ArticleDto {
    return {
      id: entity.id,
      slug: entity.slug,
      locale: entity.locale,
      title: entity.title,
      body: entity.body,
      category: entity.category,
      tags: entity.tags,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class ArticlePageDto extends pageOf(ArticleDto) {}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' })
  articleId!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: CASE_LANGUAGES })
  locale!: ArticleLocale;

  @ApiProperty({ description: 'Relevance, best first (0-1 and a little more).' })
  score!: number;
}

export class SuggestionListDto {
  @ApiProperty({ type: [SuggestionDto] })
  items!: SuggestionDto[];
}

export class SelfResolveDto {
  @ApiProperty({ format: 'uuid', description: 'The article that solved the problem.' })
  @IsUUID('all')
  articleId!: string;
}
