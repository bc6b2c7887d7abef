import { RequestException } from '../problems/request-exception.js';
import { decodeCursor, encodeCursor, toPage } from './page.js';

describe('keyset cursors', () => {
  const position = { sortKey: '2026-11-24T02:00:00.123Z', id: '0b5e1b8e-5d0c-4a4e-9d61-0d3c2f1c9a11' };

  it('check the kind of sort key', () => {
    const numbered = encodeCursor({ sortKey: '1042', id: position.id });
    expect(decodeCursor(numbered, 'integer').sortKey).toBe('1042');
    expect(() => decodeCursor(numbered, 'timestamp')).toThrow(RequestException);
    expect(() => decodeCursor(encodeCursor(position), 'integer')).toThrow(RequestException);
  });

  it('round-trip a position', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["a","not-an-id"]').toString('base64url'),
  ])('refuse %p as a validation problem on the cursor field', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(RequestException);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as RequestException).fieldErrors).toEqual([
        { field: 'cursor', message: 'cursor is not a cursor this service issued' },
      ]);
    }
  });

  it('give a next cursor only when more rows follow', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: position.id }));
    const key = (row: { n: number; id: string }) => ({ sortKey: String(row.n), id: row.id });
    const full = toPage(rows, 2, key, (row) => row.n);
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor!, 'integer')).toEqual({ sortKey: '2', id: position.id });
    expect(toPage(rows, 3, key, (row) => row.n).nextCursor).toBeNull();
  });
});
