import { Writable } from 'node:stream';

export type LogLine = { level: number; msg: string; [field: string]: unknown };

/** A pino destination that keeps every line it is given, raw and parsed; a line that is not JSON fails the parse. */
export function captureLogLines(): { stream: Writable; raw: string[]; lines(): LogLine[] } {
  const raw: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      raw.push(...parts.filter((p) => p !== ''));
      done();
    },
  });
  return { stream, raw, lines: () => raw.map((line) => JSON.parse(line) as LogLine) };
}
