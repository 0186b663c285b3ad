import { addMonths, shanghaiDate } from '@crm/customers';

/** The month before this one in Beijing: the latest month the scheduler has evaluated (R-TIER-2, R-KAM-3). */
export const lastMonth = (now: Date = new Date()): string => addMonths(shanghaiDate(now.toISOString()).slice(0, 7), -1);
