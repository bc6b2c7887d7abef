import { IANAZone } from 'luxon';

import { SlaDomainException, SlaDomainExceptionCode } from './sla-domain.exception.js';
import type { BusinessHoursCalendar } from './sla.types.js';

/**
 * Business-hours calendars: weekly opening intervals in local wall-clock time of an IANA zone, and
 * holidays (whole local dates closed).
 *
 * All arithmetic is on epoch milliseconds. Local wall-clock times are turned into instants with Luxon's
 * zone offsets (tz database); nothing here assumes a fixed offset.
 *
 * Mapping a local wall-clock time to an instant (`wallToInstant`):
 * - an ordinary time has exactly one instant;
 * - a time that occurs twice (fall-back overlap) maps to its FIRST occurrence;
 * - a time that does not exist (spring-forward gap) maps to the transition instant, i.e. the first instant
 *   whose wall clock reads at or after it.
 * This mapping is monotone, so intervals that do not overlap in wall-clock time never overlap as
 * instants, and an interval keeps whatever real duration the transition gives it: in Europe/Paris,
 * 01:00-04:00 lasts 2 h on 2026-03-29 and 4 h on 2026-10-25 (the 02:00-03:00 hour is lived twice).
 * An interval ending at '24:00' ends at the instant of the next local day's 00:00.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** An open span of time, half-open [start, end), epoch ms. */
export interface OpenSpan {
  start: number;
  end: number;
}

interface DayPlan {
  /** Instant of the local day's 00:00. */
  start: number;
  /** Opening spans of that local date, sorted, disjoint, non-empty. */
  spans: OpenSpan[];
}

/**
 * Searching further than this for open time is refused (50 years of days, a fraction of a second).
 * Policy validation keeps every target within 10 years of a calendar's opening hours.
 */
const SEARCH_HORIZON_DAYS = 18_263;
const DAY_CACHE_LIMIT = 20_000;
const OFFSET_CACHE_LIMIT = 100_000;

const HH_MM = /^(\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for 'HH:MM' (00:00-23:59, and 24:00 when `allow24` is set); null if malformed. */
export function parseWallClock(value: unknown, allow24: boolean): number | null {
  if (typeof value !== 'string') return null;
  const match = HH_MM.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0 && allow24) return 24 * 60;
  if (hours > 23) return null;
  return hours * 60 + minutes;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (proleptic Gregorian calendar); null if malformed or impossible. */
export function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return Math.floor(date.getTime() / DAY_MS);
}

/** 0 = Sunday; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/**
 * A local date early enough that no opening span of an earlier date reaches `instant`: offsets stay within
 * -12 h..+14 h, so the local date is at least the UTC date - 1, and spans of a date end by the next date's start.
 */
function firstScannedDay(instant: number): number {
  return Math.floor(instant / DAY_MS) - 2;
}

/** Offsets of a zone at a given instant never change: cache them per zone (bounded). */
const offsetCaches = new Map<string, Map<number, number>>();

/** Offset in ms (local = instant + offset) of `zone` at `instant`, from Luxon. */
function zoneOffsetMs(zone: IANAZone, instant: number): number {
  return Math.round(zone.offset(instant) * MINUTE_MS);
}

export class CompiledBusinessHours {
  private readonly days = new Map<number, DayPlan>();
  private readonly offsets: Map<number, number>;
  /** Longest run of consecutive local dates without opening time that can occur. */
  private readonly maxClosedStreak: number;
  readonly hasOpening: boolean;

  private constructor(
    private readonly zone: IANAZone,
    /** Per weekday (0 = Sunday): sorted, merged [startMinute, endMinute) pairs. */
    private readonly weekly: Array<Array<[number, number]>>,
    private readonly holidays: Set<number>,
  ) {
    let offsets = offsetCaches.get(zone.name);
    if (!offsets) {
      offsets = new Map();
      offsetCaches.set(zone.name, offsets);
    }
    this.offsets = offsets;
    this.hasOpening = weekly.some((intervals) => intervals.length > 0);
    // Each holiday can close at most one week's only opening day; the scan starts up to 3 days early.
    this.maxClosedStreak = 7 * (holidays.size + 1) + 3;
  }

  /** Builds the compiled form; throws SlaDomainException(InvalidCalendar) on a malformed calendar. */
  static compile(calendar: BusinessHoursCalendar): CompiledBusinessHours {
    const zone = typeof calendar.timeZone === 'string' ? IANAZone.create(calendar.timeZone) : null;
    if (!zone || !zone.isValid) {
      throw new SlaDomainException(
        SlaDomainExceptionCode.InvalidCalendar,
        `Unknown IANA time zone: ${String(calendar.timeZone)}`,
      );
    }
    const weekly: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
    (calendar.weekly ?? []).forEach((interval, index) => {
      const start = parseWallClock(interval.start, false);
      const end = parseWallClock(interval.end, true);
      if (
        !Number.isInteger(interval.day) ||
        interval.day < 0 ||
        interval.day > 6 ||
        start === null ||
        end === null
      ) {
        throw new SlaDomainException(
          SlaDomainExceptionCode.InvalidCalendar,
          `Malformed weekly interval at index ${index}`,
        );
      }
      if (end > start) weekly[interval.day].push([start, end]);
    });
    const merged = weekly.map((intervals) => {
      const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
      const out: Array<[number, number]> = [];
      for (const [start, end] of sorted) {
        const last = out[out.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else out.push([start, end]);
      }
      return out;
    });
    const holidays = new Set<number>();
    for (const holiday of calendar.holidays ?? []) {
      const day = parseLocalDate(holiday);
      if (day === null) {
        throw new SlaDomainException(
          SlaDomainExceptionCode.InvalidCalendar,
          `Malformed holiday: ${String(holiday)}`,
        );
      }
      holidays.add(day);
    }
    return new CompiledBusinessHours(zone, merged, holidays);
  }

  /** Open ms in [from, to); 0 when to <= from. */
  countOpenMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    let total = 0;
    for (let day = firstScannedDay(from); ; day++) {
      const plan = this.dayPlan(day);
      if (plan.start >= to) break;
      for (const span of plan.spans) {
        const overlap = Math.min(span.end, to) - Math.max(span.start, from);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  /**
   * The first instant at which `ms` of open time have been counted after `from`. `ms` = 0 gives `from`;
   * a target met exactly at the end of an opening interval gives that end instant.
   */
  addOpenMs(from: number, ms: number): number {
    if (ms === 0) return from;
    if (!this.hasOpening) {
      throw new SlaDomainException(
        SlaDomainExceptionCode.CalendarHasNoOpening,
        'The business-hours calendar has no opening interval',
      );
    }
    let remaining = ms;
    let closedStreak = 0;
    const firstDay = firstScannedDay(from);
    for (let day = firstDay; day < firstDay + SEARCH_HORIZON_DAYS; day++) {
      let opened = false;
      for (const span of this.dayPlan(day).spans) {
        const start = Math.max(span.start, from);
        if (span.end <= start) continue;
        opened = true;
        const available = span.end - start;
        if (remaining <= available) return start + remaining;
        remaining -= available;
      }
      closedStreak = opened ? 0 : closedStreak + 1;
      if (closedStreak > this.maxClosedStreak) {
        throw new SlaDomainException(
          SlaDomainExceptionCode.CalendarHasNoOpening,
          'The business-hours calendar has no reachable opening time',
        );
      }
    }
    throw new SlaDomainException(
      SlaDomainExceptionCode.InvalidArgument,
      `Cannot count ${ms} ms of open time within the search horizon`,
    );
  }

  /** The opening spans that intersect [from, to), clipped to it. */
  openSpans(from: number, to: number): OpenSpan[] {
    const out: OpenSpan[] = [];
    if (!(to > from)) return out;
    for (let day = firstScannedDay(from); ; day++) {
      const plan = this.dayPlan(day);
      if (plan.start >= to) break;
      for (const span of plan.spans) {
        const start = Math.max(span.start, from);
        const end = Math.min(span.end, to);
        if (end > start) out.push({ start, end });
      }
    }
    return out;
  }

  /** The local date (days since 1970-01-01) of an instant. */
  localDayOf(instant: number): number {
    return Math.floor((instant + zoneOffsetMs(this.zone, instant)) / DAY_MS);
  }

  private dayPlan(day: number): DayPlan {
    const cached = this.days.get(day);
    if (cached) return cached;
    const wallMidnight = day * DAY_MS;
    const spans: OpenSpan[] = [];
    if (!this.holidays.has(day)) {
      for (const [startMinute, endMinute] of this.weekly[weekdayOf(day)]) {
        const start = this.wallToInstant(wallMidnight + startMinute * MINUTE_MS);
        const end = this.wallToInstant(wallMidnight + endMinute * MINUTE_MS);
        if (end > start) spans.push({ start, end });
      }
    }
    const plan: DayPlan = { start: this.wallToInstant(wallMidnight), spans };
    if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
    this.days.set(day, plan);
    return plan;
  }

  /** Offset at UTC midnight of a day, cached: four of them bracket every instant a wall time of that day can map to. */
  private offsetAtDay(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      offset = zoneOffsetMs(this.zone, day * DAY_MS);
      if (this.offsets.size >= OFFSET_CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(day, offset);
    }
    return offset;
  }

  /**
   * The instant of a local wall-clock time given as "wall ms" (local date and time read as if UTC).
   * Offsets range within -12 h..+14 h, so the instant lies within [wall - 14 h, wall + 12 h], inside the
   * three UTC days around it. When the offset is the same at the four UTC midnights that bracket them, no
   * transition happens there (the tz database has no pair of transitions that cancel within a day) and the
   * instant is wall - offset; otherwise the exact search below runs.
   */
  private wallToInstant(wall: number): number {
    const day = Math.floor(wall / DAY_MS);
    const candidates = [
      this.offsetAtDay(day - 1),
      this.offsetAtDay(day),
      this.offsetAtDay(day + 1),
      this.offsetAtDay(day + 2),
    ];
    if (candidates.every((offset) => offset === candidates[0])) return wall - candidates[0];

    // Near a transition: keep the offsets that really give this wall time; earliest instant wins (overlap).
    let best: number | null = null;
    for (const offset of new Set(candidates)) {
      const instant = wall - offset;
      if (zoneOffsetMs(this.zone, instant) === offset && (best === null || instant < best)) best = instant;
    }
    if (best !== null) return best;

    // In a gap (the wall time does not exist): the transition instant, found by bisection to the ms.
    let low = wall - Math.max(...candidates);
    let high = wall - Math.min(...candidates);
    const lowOffset = zoneOffsetMs(this.zone, low);
    if (zoneOffsetMs(this.zone, high) === lowOffset) return high;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zoneOffsetMs(this.zone, middle) === lowOffset) low = middle;
      else high = middle;
    }
    return high;
  }
}

const compiledCalendars = new WeakMap<BusinessHoursCalendar, CompiledBusinessHours>();

/**
 * The compiled form of a business-hours calendar, memoised per calendar object (calendars are treated as
 * immutable values: build a new object rather than mutating one that was already used).
 */
export function compileBusinessHours(calendar: BusinessHoursCalendar): CompiledBusinessHours {
  let compiled = compiledCalendars.get(calendar);
  if (!compiled) {
    compiled = CompiledBusinessHours.compile(calendar);
    compiledCalendars.set(calendar, compiled);
  }
  return compiled;
}
