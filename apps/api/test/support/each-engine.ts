import { describeWithPostgres } from '@crm/testing';
import type { TestEngine } from './test-api';

const ON: Record<TestEngine, string> = { sqlite: 'on a SQLite file', postgres: 'on a throw-away PostgreSQL database' };

/**
 * `describe.each` over the engines production runs on: the same body once per engine, each with a
 * service of its own. The PostgreSQL block skips loudly where the Jest global setup found no server,
 * which under CI=true fails the run instead.
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  describe(`${title} ${ON.sqlite}`, () => body('sqlite'));
  describeWithPostgres(`${title} ${ON.postgres}`, () => body('postgres'));
}
