import type { ExplanationStep } from './deadline-explanation';

/** A computed deadline and everything needed to defend it later. */
export interface DeadlineResult {
  /**
   * ISO 8601 instant in the calendar's time zone with its offset and seconds,
   * e.g. '2026-10-10T10:00:00+08:00' (milliseconds only when non-zero).
   */
  due: string;
  /** `WorkingCalendar#version` of the calendar used: store it with the deadline. */
  calendarVersion: string;
  /** True when any day between start and due lies in a year without an official notice. */
  provisional: boolean;
  /** One step per calendar day from the start's date to the due date. */
  explanation: ExplanationStep[];
}
