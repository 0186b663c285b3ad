import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Node reads TZ once per process, so setting process.env.TZ inside Jest proves little: each
// zone gets its own child process running the same probe, and all answers must be identical.
const root = join(__dirname, '../../..');
const probe = join(__dirname, 'fixtures/tz-probe.ts');

function runProbe(tz: string): { processOffset: number; answers: unknown } {
  const out = execFileSync(process.execPath, ['-r', join(root, 'tools/swc-register.cjs'), probe], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('time-zone independence', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];
  const results = Object.fromEntries(zones.map((tz) => [tz, runProbe(tz)]));

  it('the child processes really ran under different zones', () => {
    expect(results['America/New_York'].processOffset).toBe(300);
    expect(results['Asia/Kolkata'].processOffset).toBe(-330);
    expect(results.UTC.processOffset).toBe(0);
  });

  it.each(zones.slice(1))('R-CMP-3: every answer under TZ=%s equals the answer under TZ=UTC', (tz) => {
    expect(results[tz].answers).toEqual(results.UTC.answers);
  });

  it('R-CMP-3: the issue example holds in every zone', () => {
    for (const tz of zones) {
      const [first] = results[tz].answers as { wallClock: { due: string }[] }[];
      expect(first.wallClock[0].due).toBe('2026-10-10T10:00:00+08:00');
    }
  });
});
