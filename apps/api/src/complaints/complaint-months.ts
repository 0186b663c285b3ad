/** Months are business months: the company works on Beijing time whatever the server's zone. */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/** `YYYY-MM` of an instant in Beijing time. */
export function monthInBeijing(instant: string | Date): string {
  const parts = FORMAT.formatToParts(new Date(instant));
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}
