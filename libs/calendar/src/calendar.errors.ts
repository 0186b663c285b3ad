/**
 * Bad input from a caller (malformed date, negative duration, unknown time zone). The HTTP
 * edge maps it to 400; it is a RangeError so generic handlers treat it as a caller's mistake.
 */
export class CalendarInputError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

/** Calendar data that contradicts itself (a day both off and on, two notices for one date). */
export class CalendarDataError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'CalendarDataError';
  }
}
