import { compileBusinessHours, type OpenSpan } from './business-hours.js';
import { SlaDomainException, SlaDomainExceptionCode } from './sla-domain.exception.js';
import type { SlaCalendar } from './sla.types.js';

/**
 * Open-time arithmetic over an SLA calendar. `24x7` counts all time; `business_hours` counts only its
 * opening intervals (see business-hours.ts). Results are exact to the millisecond.
 */

function instantOf(value: Date, name: string): number {
  const instant = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(instant)) {
    throw new SlaDomainException(SlaDomainExceptionCode.InvalidArgument, `${name} is not a valid Date`);
  }
  return instant;
}

function checkDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new SlaDomainException(
      SlaDomainExceptionCode.InvalidArgument,
      `Open time must be a finite, non-negative number of ms (got ${ms})`,
    );
  }
}

/** Open ms in [from, to), epoch-ms form; 0 when to <= from. */
export function countOpenMsBetween(calendar: SlaCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (calendar.type === '24x7') return to - from;
  return compileBusinessHours(calendar).countOpenMs(from, to);
}

/** addOpenMs in epoch-ms form. */
export function addOpenMsFrom(calendar: SlaCalendar, from: number, ms: number): number {
  checkDuration(ms);
  if (calendar.type === '24x7') return from + ms;
  return compileBusinessHours(calendar).addOpenMs(from, ms);
}

/** Open calendar time in [from, to), in ms; 0 when `to` is not after `from`. */
export function countOpenMs(calendar: SlaCalendar, from: Date, to: Date): number {
  return countOpenMsBetween(calendar, instantOf(from, 'from'), instantOf(to, 'to'));
}

/**
 * The instant at which `ms` of open time have been counted after `from` (plain addition for 24x7).
 * `ms` = 0 gives `from`. A target met exactly at the end of an opening interval gives that end instant,
 * not the next opening. Throws SlaDomainException: CalendarHasNoOpening when the calendar never opens,
 * InvalidArgument for a negative or non-finite `ms`.
 */
export function addOpenMs(calendar: SlaCalendar, from: Date, ms: number): Date {
  return new Date(addOpenMsFrom(calendar, instantOf(from, 'from'), ms));
}

/** The open spans of [from, to), clipped to it (one span for 24x7). */
export function openSpans(calendar: SlaCalendar, from: Date, to: Date): Array<{ start: Date; end: Date }> {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  const spans: OpenSpan[] =
    calendar.type === '24x7'
      ? end > start
        ? [{ start, end }]
        : []
      : compileBusinessHours(calendar).openSpans(start, end);
  return spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}
