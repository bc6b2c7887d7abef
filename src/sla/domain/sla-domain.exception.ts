export enum SlaDomainExceptionCode {
  /** The calendar has no opening time at all, so no target can ever be met. */
  CalendarHasNoOpening = 'CALENDAR_HAS_NO_OPENING',
  /** The calendar is malformed (unknown time zone, bad 'HH:MM', bad holiday date). */
  InvalidCalendar = 'INVALID_CALENDAR',
  /** An argument is out of range (negative or non-finite duration, invalid Date, beyond the search horizon). */
  InvalidArgument = 'INVALID_ARGUMENT',
  /** The timeline does not start with an `opened` event. */
  TimelineNotOpened = 'TIMELINE_NOT_OPENED',
}

/** A failure of the pure SLA domain (calendars, clock). */
export class SlaDomainException extends Error {
  constructor(
    readonly code: SlaDomainExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'SlaDomainException';
  }
}
