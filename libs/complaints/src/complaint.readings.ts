import { z } from 'zod';

/**
 * How the product reads the policy text where the text needs a reading (ADR 0026). A policy
 * version names the readings it applies by code; the wording shown to people (Chinese and English,
 * with the clause quoted) is the library's, so an administrator cannot publish a reading the code
 * does not implement, and the committee sees which reading it approves (R-PRICE-1).
 */
export const PolicyReadings = z.object({
  /** R-CMP-3 "一个工作日内": one working day = the calendar's business hours of one day, counted from receipt */
  workingDay: z.literal('business-hours-from-receipt'),
  /** R-CMP-3 "特殊情况经各级主管领导批准": only major (and serious) complaints may be extended */
  extension: z.literal('major-and-serious-only'),
});
export type PolicyReadings = z.infer<typeof PolicyReadings>;

/** The readings the product has always applied: a policy copy from before ADR 0026 is read with them. */
export const DEFAULT_READINGS: PolicyReadings = { workingDay: 'business-hours-from-receipt', extension: 'major-and-serious-only' };

export interface ReadingText {
  rule: string;
  code: string;
  /** the clause of the policy text the reading is of, quoted */
  clause: string;
  zh: string;
  en: string;
}

const WORKING_DAY: ReadingText = {
  rule: 'R-CMP-3',
  code: 'business-hours-from-receipt',
  clause: '对于一般投诉,处理时间应在一个工作日内',
  zh: '“一个工作日内”按从收到投诉起算的一个完整工作日计：即工作日历上 9 个工作小时（每个工作日 08:30–17:30，北京时间），节假日不计、调休上班日计入。例如周一 15:00 收到，周二 15:00 到期；下班后或休息日收到的，从下一个工作日 08:30 起算，当日 17:30 到期。',
  en: '"Within one working day" is counted as one whole working day from receipt: 9 working hours on the working-day calendar (08:30–17:30 Beijing time each working day), holidays skipped and make-up working days counted. Received Monday 15:00, due Tuesday 15:00; received after hours or on a day off, counting starts at 08:30 of the next working day and it is due at 17:30 that day.',
};

const EXTENSION: ReadingText = {
  rule: 'R-CMP-3',
  code: 'major-and-serious-only',
  clause: '较大事件投诉,原则上处理时间不应超过三个工作日,特殊情况经各级主管领导批准后最多处理时间不超过七个工作日',
  zh: '“特殊情况经各级主管领导批准”只适用于较大事件投诉（严重投诉按较大事件的期限处理，同样适用）：一般投诉须在一个工作日内处理，不能延期；确属较大事件的，先改为较大事件投诉再申请延期。延期连同原期限自收到投诉起最多七个工作日。',
  en: 'The special case "approved by the leaders at each level" belongs to major complaints (serious complaints take the major deadline and may be extended too): a general complaint is handled within one working day and cannot be extended; if it is in fact a major event, reclassify it first. Extensions included, at most 7 working days from receipt.',
};

const TEXTS: Record<keyof PolicyReadings, ReadingText> = { workingDay: WORKING_DAY, extension: EXTENSION };

/** The readings a policy copy applies (its `readings`; absent on copies from before ADR 0026), with their wording. */
export function readingTextsOf(named: PolicyReadings | undefined): ReadingText[] {
  const readings = named ?? DEFAULT_READINGS;
  return (Object.keys(TEXTS) as Array<keyof PolicyReadings>).filter((k) => readings[k] === TEXTS[k].code).map((k) => ({ ...TEXTS[k] }));
}
