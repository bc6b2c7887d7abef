import { parseRetryAfter, toServiceRequest, toUpstreamStatus } from './partner-center.client.js';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2030, 0, 1, 8, 0, 0);

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads HTTP dates relative to now, never negative', () => {
    expect(parseRetryAfter('Tue, 01 Jan 2030 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tuesday, 01-Jan-30 08:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue Jan  1 08:00:05 2030', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 08:00:00 GMT', now)).toBe(0);
  });

  it('answers undefined for anything else', () => {
    for (const value of [null, undefined, '', 'soon', '-1', '1.5', '2030-01-01T08:00:30Z', 'Tue, garbage']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('toUpstreamStatus', () => {
  it.each([
    ['none', 'none'],
    ['open', 'open'],
    ['Closed', 'closed'],
    ['OPEN', 'open'],
    ['attention_needed', 'attention_needed'],
    ['AttentionNeeded', 'attention_needed'],
    ['attention-needed', 'attention_needed'],
    [0, 'none'],
    [1, 'open'],
    [2, 'closed'],
    [3, 'attention_needed'],
    ['3', 'attention_needed'],
    [4, 'none'],
    [-1, 'none'],
    [1.5, 'none'],
    ['resolved', 'none'],
    [null, 'none'],
    [undefined, 'none'],
    [true, 'none'],
  ])('%p → %p', (value, expected) => {
    expect(toUpstreamStatus(value)).toBe(expected);
  });
});

describe('toServiceRequest', () => {
  it('reads field names in any casing at every depth, ids as strings', () => {
    expect(
      toServiceRequest({
        ID: 613_000_123,
        STATUS: 2,
        Title: 'T',
        description: 'D',
        NOTES: [{ CREATEDBYNAME: 'Support', createddate: '2030-01-01T08:00:00Z', Text: 'hi' }, 'junk'],
        LastModifiedDate: '2030-01-01T09:00:00Z',
      }),
    ).toEqual({
      id: '613000123',
      status: 'closed',
      title: 'T',
      description: 'D',
      notes: [{ createdByName: 'Support', createdDate: '2030-01-01T08:00:00Z', text: 'hi' }],
      lastModifiedDate: '2030-01-01T09:00:00Z',
    });
  });

  it('defaults missing fields, and refuses an item without an id', () => {
    expect(toServiceRequest({ id: 'x' })).toEqual({
      id: 'x',
      status: 'none',
      title: null,
      description: null,
      notes: [],
      lastModifiedDate: null,
    });
    expect(toServiceRequest({ title: 'no id' })).toBeNull();
    expect(toServiceRequest([])).toBeNull();
    expect(toServiceRequest('x')).toBeNull();
  });
});
