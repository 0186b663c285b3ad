import { clockText, extrapolateLeft, splitWorkingTime, workingRate, type WorkingTimeSample } from './working-time';

const sample = (leftMs: number, serverNow: string, seenAt: number): WorkingTimeSample => ({ leftMs, serverNow, seenAt });

describe('working-time countdown between API samples', () => {
  it('runs down at 1 working ms per ms when the API saw working time pass at that rate', () => {
    const a = sample(3_600_000, '2026-03-03T02:00:00.000Z', 0);
    const b = sample(3_595_000, '2026-03-03T02:00:05.000Z', 5_000);
    expect(workingRate(a, b)).toBe(1);
    expect(extrapolateLeft(a, b, 7_000, 10_000)).toBe(3_593_000);
  });

  it('stands still outside working hours (the service clock moved, working time did not)', () => {
    const a = sample(3_600_000, '2026-03-07T02:00:00.000Z', 0);
    const b = sample(3_600_000, '2026-03-07T02:00:05.000Z', 5_000);
    expect(workingRate(a, b)).toBe(0);
    expect(extrapolateLeft(a, b, 9_000, 10_000)).toBe(3_600_000);
  });

  it('stands still when the service clock does not move, and with a single sample', () => {
    const a = sample(1_000, '2026-03-03T02:00:00.000Z', 0);
    expect(workingRate(a, sample(1_000, '2026-03-03T02:00:00.000Z', 5_000))).toBe(0);
    expect(workingRate(null, a)).toBeNull();
    expect(extrapolateLeft(null, a, 60_000, 10_000)).toBe(1_000);
  });

  it('never runs further than maxAhead beyond the last answer, and goes negative past the deadline', () => {
    const a = sample(2_000, '2026-03-03T02:00:00.000Z', 0);
    const b = sample(1_000, '2026-03-03T02:00:01.000Z', 1_000);
    expect(extrapolateLeft(a, b, 60_000, 5_000)).toBe(-4_000);
  });

  it('prints working hours beyond 24 and marks overdue time', () => {
    expect(clockText(27 * 3_600_000 + 5 * 60_000 + 9_000)).toBe('27:05:09');
    expect(clockText(-61_000)).toBe('−0:01:01');
    expect(splitWorkingTime(-61_000)).toEqual({ overdue: true, hours: 0, minutes: 1, seconds: 1 });
  });
});
