import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isUUID, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestException } from '../problems/request-exception.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** `limit` and `cursor` of every list; a DTO of a filtered list extends it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset position: the sort key of the last item of a page and its id as a tie-breaker. */
export interface KeysetPosition {
  sortKey: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), 'utf8').toString('base64url');
}

/** The kinds of sort key a cursor may carry. */
export const SORT_KEY_FORMATS = {
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  integer: /^\d{1,18}$/,
} as const;

export function decodeCursor(
  cursor: string,
  sortKey: keyof typeof SORT_KEY_FORMATS = 'timestamp',
): KeysetPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      SORT_KEY_FORMATS[sortKey].test(decoded[0]) &&
      (sortKey !== 'timestamp' || new Date(decoded[0]).toISOString() === decoded[0]) &&
      typeof decoded[1] === 'string' &&
      isUUID(decoded[1])
    ) {
      return { sortKey: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the validation error below
  }
  throw RequestException.validation([
    { field: 'cursor', message: 'cursor is not a cursor this service issued' },
  ]);
}

/** Builds a page from `limit + 1` fetched rows (the extra row only says that more follow). */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  position: (row: T) => KeysetPosition,
  present: (row: T) => R,
): Page<R> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null,
  };
}

/** OpenAPI helper: `class CustomerPage extends pageOf(CustomerDto) {}`. */
export function pageOf<T>(item: new (...args: never[]) => T) {
  class PageOfItems {
    @ApiProperty({ type: item, isArray: true })
    items!: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page.',
    })
    nextCursor!: string | null;
  }
  return PageOfItems;
}

/**
 * One page of rows listed in order of creation, keyed by (createdAt, id): orders the query (newest
 * first unless told otherwise), continues after the cursor, and fetches one row more than the page
 * to know whether another page follows.
 */
export async function pageByCreation<T extends { createdAt: Date; id: string } & ObjectLiteral, R>(
  query: SelectQueryBuilder<T>,
  page: { limit: number; cursor?: string; order?: 'newestFirst' | 'oldestFirst' },
  present: (row: T) => R,
): Promise<Page<R>> {
  const alias = query.alias;
  const [direction, comparison] =
    page.order === 'oldestFirst' ? (['ASC', '>'] as const) : (['DESC', '<'] as const);
  query
    .orderBy(`${alias}.createdAt`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(page.limit + 1);
  if (page.cursor) {
    const position = decodeCursor(page.cursor);
    query.andWhere(`(${alias}.createdAt, ${alias}.id) ${comparison} (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: position.sortKey,
      cursorId: position.id,
    });
  }
  const rows = await query.getMany();
  return toPage(rows, page.limit, (row) => ({ sortKey: row.createdAt.toISOString(), id: row.id }), present);
}
