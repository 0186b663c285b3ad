import type { ApiClient } from '../../api/api-client';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** One step of `GET /calendar/deadline`'s explanation. */
export interface ExplanationStep {
  date: string;
  kind: DayKind;
  counted: string;
  note: string;
}

export interface Deadline {
  due: string;
  calendarVersion: string;
  provisional: boolean;
  explanation: ExplanationStep[];
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  working: boolean;
  provisional: boolean;
  holiday?: string;
  source?: string;
}

export interface CalendarYear {
  year: number;
  source: string;
  publishedOn?: string;
  title?: string;
  holidays: Array<{ name: string; nameZh: string; from: string; to: string }>;
  makeUpWorkdays: Array<{ date: string; forHoliday: string }>;
}

export const calendarApi = {
  deadline: (api: ApiClient, from: string, workingDays: number) => api.get<Deadline>('/calendar/deadline', { from, workingDays }),
  days: (api: ApiClient, from: string, to: string) => api.get<{ calendarVersion: string; days: CalendarDay[] }>('/calendar/days', { from, to }),
  years: (api: ApiClient) => api.get<{ calendarVersion: string; years: CalendarYear[] }>('/calendar/years'),
};

/** nameZh → English name, from the notices the API has loaded. */
export function holidayNames(years: readonly CalendarYear[]): Map<string, string> {
  return new Map(years.flatMap((y) => y.holidays.map((h) => [h.nameZh, h.name] as const)));
}
