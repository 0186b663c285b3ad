import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@crm/event-store';
import { SqliteEventStore } from './sqlite.event-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

eventStoreContract('sqlite (temp file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-es-sqlite-'));
  dirs.push(dir);
  const store = SqliteEventStore.open(join(dir, 'nested', 'events.db'));
  return { store, teardown: () => store.close() };
});
