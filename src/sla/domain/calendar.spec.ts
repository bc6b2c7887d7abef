import { DateTime } from 'luxon';

import { addOpenMs, countOpenMs, openSpans } from './calendar.js';
import { SlaDomainException, SlaDomainExceptionCode } from './sla-domain.exception.js';
import type { SlaCalendar } from './sla.types.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const d = (iso: string): Date => new Date(iso);

const weekdays = (start: string, end: string): Array<{ day: number; start: string; end: string }> =>
  [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

describe('24x7 calendar', () => {
  const calendar: SlaCalendar = { type: '24x7' };

  it('counts and adds plain elapsed time', () => {
    expect(countOpenMs(calendar, d('2026-03-28T23:00:00Z'), d('2026-03-29T05:00:00.250Z'))).toBe(
      6 * HOUR + 250,
    );
    expect(addOpenMs(calendar, d('2026-12-31T23:30:00Z'), 90 * MINUTE)).toEqual(d('2027-01-01T01:00:00Z'));
  });

  it('returns 0 for an empty or reversed range and `from` for 0 ms', () => {
    expect(countOpenMs(calendar, d('2026-01-02T00:00:00Z'), d('2026-01-01T00:00:00Z'))).toBe(0);
    expect(addOpenMs(calendar, d('2026-01-02T00:00:00Z'), 0)).toEqual(d('2026-01-02T00:00:00Z'));
  });

  it('refuses a negative or non-finite duration', () => {
    expect(() => addOpenMs(calendar, d('2026-01-02T00:00:00Z'), -1)).toThrow(SlaDomainException);
    expect(() => addOpenMs(calendar, d('2026-01-02T00:00:00Z'), Number.NaN)).toThrow(SlaDomainException);
  });
});

describe('business hours in Europe/Paris across daylight-saving changes', () => {
  // Europe/Paris: CET (UTC+1) until 2026-03-29 02:00, which jumps to 03:00 CEST (UTC+2);
  // CEST until 2026-10-25 03:00, which falls back to 02:00 CET (the 02:00-03:00 hour happens twice).
  const sundayNight: SlaCalendar = {
    type: 'business_hours',
    timeZone: 'Europe/Paris',
    weekly: [{ day: 0, start: '01:00', end: '04:00' }],
    holidays: [],
  };

  it('an ordinary Sunday 01:00-04:00 CET lasts 3 h (00:00Z-03:00Z)', () => {
    expect(countOpenMs(sundayNight, d('2026-03-21T00:00:00Z'), d('2026-03-23T00:00:00Z'))).toBe(3 * HOUR);
    expect(openSpans(sundayNight, d('2026-03-21T00:00:00Z'), d('2026-03-23T00:00:00Z'))).toEqual([
      { start: d('2026-03-22T00:00:00Z'), end: d('2026-03-22T03:00:00Z') },
    ]);
  });

  it('spring-forward Sunday 2026-03-29: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) lasts 2 h', () => {
    expect(openSpans(sundayNight, d('2026-03-28T00:00:00Z'), d('2026-03-30T00:00:00Z'))).toEqual([
      { start: d('2026-03-29T00:00:00Z'), end: d('2026-03-29T02:00:00Z') },
    ]);
    // 90 min from Saturday: 60 min of 01:00-02:00 CET, the clock jumps to 03:00 CEST (01:00Z), 30 more min.
    expect(addOpenMs(sundayNight, d('2026-03-28T12:00:00Z'), 90 * MINUTE)).toEqual(d('2026-03-29T01:30:00Z'));
  });

  it('fall-back Sunday 2026-10-25: 01:00 CEST (Sat 23:00Z) to 04:00 CET (03:00Z) lasts 4 h', () => {
    // Three hours on the wall clock, plus the 02:00-03:00 hour lived twice.
    expect(countOpenMs(sundayNight, d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'))).toBe(4 * HOUR);
    // 3.5 h from the opening: 23:00Z + 3.5 h = 02:30Z, i.e. 03:30 CET.
    expect(addOpenMs(sundayNight, d('2026-10-24T12:00:00Z'), 3.5 * HOUR)).toEqual(d('2026-10-25T02:30:00Z'));
  });

  it('maps a start inside the spring gap to the transition and an ambiguous start to its first occurrence', () => {
    const late: SlaCalendar = { ...sundayNight, weekly: [{ day: 0, start: '02:30', end: '04:00' }] };
    // 02:30 does not exist on 2026-03-29: the interval opens at the jump (03:00 CEST = 01:00Z) → 1 h.
    expect(openSpans(late, d('2026-03-28T00:00:00Z'), d('2026-03-30T00:00:00Z'))).toEqual([
      { start: d('2026-03-29T01:00:00Z'), end: d('2026-03-29T02:00:00Z') },
    ]);
    // 02:30 happens twice on 2026-10-25: the interval opens at the first one (02:30 CEST = 00:30Z) → 2.5 h.
    expect(openSpans(late, d('2026-10-24T00:00:00Z'), d('2026-10-26T00:00:00Z'))).toEqual([
      { start: d('2026-10-25T00:30:00Z'), end: d('2026-10-25T03:00:00Z') },
    ]);
  });

  it('an office week: Friday 17:00 + 2 h lands on Monday 10:00 local, whatever the offset', () => {
    const office: SlaCalendar = {
      type: 'business_hours',
      timeZone: 'Europe/Paris',
      weekly: weekdays('09:00', '18:00'),
      holidays: [],
    };
    // Fri 2026-03-27 17:00 CET = 16:00Z: 1 h on Friday, then Monday 09:00 CEST (07:00Z) + 1 h = 08:00Z.
    expect(addOpenMs(office, d('2026-03-27T16:00:00Z'), 2 * HOUR)).toEqual(d('2026-03-30T08:00:00Z'));
    // Fri 2026-10-23 17:00 CEST = 15:00Z: 1 h on Friday, then Monday 09:00 CET (08:00Z) + 1 h = 09:00Z.
    expect(addOpenMs(office, d('2026-10-23T15:00:00Z'), 2 * HOUR)).toEqual(d('2026-10-26T09:00:00Z'));
    // The whole DST week-end counts only Friday's and Monday's 9 h days.
    expect(countOpenMs(office, d('2026-03-27T00:00:00Z'), d('2026-03-31T00:00:00Z'))).toBe(18 * HOUR);
  });
});

describe('business hours in Asia/Shanghai with a lunch break, a holiday and a week-end', () => {
  // UTC+8 all year. Mon-Fri 09:00-12:00 and 13:30-18:00 (7.5 h a day); 2026-10-01 (Thursday, National Day)
  // closed. Wednesday 2026-09-30 17:00 local = 09:00Z.
  const shanghai: SlaCalendar = {
    type: 'business_hours',
    timeZone: 'Asia/Shanghai',
    weekly: [...weekdays('09:00', '12:00'), ...weekdays('13:30', '18:00')],
    holidays: ['2026-10-01'],
  };
  const wednesday1700 = d('2026-09-30T09:00:00Z');

  it('a target met exactly at the end of the morning interval is due at 12:00, not at 13:30', () => {
    // Wed 17:00-18:00 = 1 h; Thu holiday; Fri 09:00-12:00 = 3 h → 4 h exactly at Fri 12:00 (04:00Z).
    const due = addOpenMs(shanghai, wednesday1700, 4 * HOUR);
    expect(due).toEqual(d('2026-10-02T04:00:00Z'));
    expect(DateTime.fromJSDate(due, { zone: 'Asia/Shanghai' }).toFormat('ccc HH:mm')).toBe('Fri 12:00');
    // One ms more opens after lunch.
    expect(addOpenMs(shanghai, wednesday1700, 4 * HOUR + 1)).toEqual(
      new Date(Date.parse('2026-10-02T05:30:00Z') + 1),
    );
  });

  it('skips the lunch break, the holiday and the week-end', () => {
    // 8 h: 1 h Wed + 3 h Fri morning + 4 h of the afternoon → Fri 17:30 local (09:30Z).
    expect(addOpenMs(shanghai, wednesday1700, 8 * HOUR)).toEqual(d('2026-10-02T09:30:00Z'));
    // 16 h: 1 + 7.5 (Fri) + 7.5 (Mon 5 Oct) → exactly Mon 18:00 local (10:00Z), an interval end.
    expect(addOpenMs(shanghai, wednesday1700, 16 * HOUR)).toEqual(d('2026-10-05T10:00:00Z'));
    // From Wed 17:00 to Mon 12:30 local: 1 + 0 + 7.5 + 0 + 0 + 3 = 11.5 h.
    expect(countOpenMs(shanghai, wednesday1700, d('2026-10-05T04:30:00Z'))).toBe(11.5 * HOUR);
  });
});

describe('intervals crossing midnight', () => {
  // A night desk in UTC: Saturday 22:00-24:00 and Sunday 00:00-02:00 form one 4 h stretch.
  const nightDesk: SlaCalendar = {
    type: 'business_hours',
    timeZone: 'UTC',
    weekly: [
      { day: 6, start: '22:00', end: '24:00' },
      { day: 0, start: '00:00', end: '02:00' },
    ],
    holidays: [],
  };

  it('counts across midnight and lands on the right side of it', () => {
    // Sat 2026-06-06 23:00 → Sun 01:30 = 1 h + 1.5 h.
    expect(countOpenMs(nightDesk, d('2026-06-06T23:00:00Z'), d('2026-06-07T01:30:00Z'))).toBe(2.5 * HOUR);
    // From Sat 21:00, 3 h → 2 h on Saturday then 1 h on Sunday: Sun 01:00.
    expect(addOpenMs(nightDesk, d('2026-06-06T21:00:00Z'), 3 * HOUR)).toEqual(d('2026-06-07T01:00:00Z'));
    // Exactly the Saturday part: due at 24:00 = Sunday 00:00.
    expect(addOpenMs(nightDesk, d('2026-06-06T21:00:00Z'), 2 * HOUR)).toEqual(d('2026-06-07T00:00:00Z'));
  });

  it('makes a holiday close only its own local date', () => {
    const withHoliday: SlaCalendar = { ...nightDesk, holidays: ['2026-06-07'] };
    expect(countOpenMs(withHoliday, d('2026-06-06T00:00:00Z'), d('2026-06-08T00:00:00Z'))).toBe(2 * HOUR);
  });

  it('handles a zone whose clocks jump at midnight (America/Havana, 2026-03-08 00:00 → 01:00)', () => {
    const havana: SlaCalendar = {
      type: 'business_hours',
      timeZone: 'America/Havana',
      weekly: [
        { day: 6, start: '23:00', end: '24:00' },
        { day: 0, start: '00:00', end: '02:00' },
      ],
      holidays: [],
    };
    // Sat 23:00 CST (UTC-5) = 04:00Z; Sunday's 00:00 does not exist: it is 01:00 CDT (UTC-4) = 05:00Z;
    // Sunday 02:00 CDT = 06:00Z. Saturday's '24:00' is the same instant as Sunday's opening.
    expect(openSpans(havana, d('2026-03-07T12:00:00Z'), d('2026-03-08T12:00:00Z'))).toEqual([
      { start: d('2026-03-08T04:00:00Z'), end: d('2026-03-08T05:00:00Z') },
      { start: d('2026-03-08T05:00:00Z'), end: d('2026-03-08T06:00:00Z') },
    ]);
  });
});

describe('calendar edge cases', () => {
  it('throws a typed error when a calendar never opens', () => {
    const never: SlaCalendar = { type: 'business_hours', timeZone: 'Europe/Paris', weekly: [], holidays: [] };
    expect(countOpenMs(never, d('2026-01-01T00:00:00Z'), d('2026-02-01T00:00:00Z'))).toBe(0);
    try {
      addOpenMs(never, d('2026-01-01T00:00:00Z'), MINUTE);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(SlaDomainException);
      expect((error as SlaDomainException).code).toBe(SlaDomainExceptionCode.CalendarHasNoOpening);
    }
  });

  it('throws a typed error for an unknown time zone', () => {
    const bad: SlaCalendar = {
      type: 'business_hours',
      timeZone: 'Mars/Olympus',
      weekly: weekdays('09:00', '17:00'),
      holidays: [],
    };
    expect(() => countOpenMs(bad, d('2026-01-01T00:00:00Z'), d('2026-01-02T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: SlaDomainExceptionCode.InvalidCalendar }),
    );
  });

  it('computes a target of weeks quickly and exactly', () => {
    // 9 h a weekday in Paris; 729 h = 81 weekdays → from Mon 2026-01-05 09:00 local, 81 weekdays
    // (16 weeks + 1 day, across the March DST change) end on Mon 2026-04-27 18:00 CEST (16:00Z).
    const office: SlaCalendar = {
      type: 'business_hours',
      timeZone: 'Europe/Paris',
      weekly: weekdays('09:00', '18:00'),
      holidays: [],
    };
    const started = performance.now();
    expect(addOpenMs(office, d('2026-01-05T08:00:00Z'), 729 * HOUR)).toEqual(d('2026-04-27T16:00:00Z'));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
