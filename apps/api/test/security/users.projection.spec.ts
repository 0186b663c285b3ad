import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelDb, readModelSnapshot, type ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { UserDirectory } from '../../src/auth/user-directory';
import { usersProjection } from '../../src/users/users.projection';

jest.setTimeout(30_000);

describe('users projection (real SQLite file)', () => {
  const projection = usersProjection();
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDb;
  let events: StoredEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-users-'));
    store = SqliteEventStore.open(join(dir, 'crm.db'));
    readModels = await createReadModelDb({ kind: 'sqlite', path: join(dir, 'read.db') });
    await readModels.transaction((trx) => projection.migrate(trx, readModels.dialect));
    const users = new UserDirectory(store);
    const at = new Date('2026-03-02T01:00:00.000Z');
    await users.register({ username: 'ana', name: 'Ana', roles: ['sales_reviewer'], password: 'pw-123456' }, 'admin', at);
    await users.register({ username: 'bo', name: 'Bo', roles: ['auditor'], password: 'pw-123456' }, 'admin', at);
    const later = { by: 'admin2', at: new Date('2026-03-03T01:00:00.000Z'), expectedRevision: 'stream_exists' as const };
    await users.append('ana', 'UserRolesChanged', { username: 'ana', roles: ['finance_reviewer'], previousRoles: ['sales_reviewer'] }, later);
    await users.append('bo', 'UserDisabled', { username: 'bo', reason: 'left' }, later);
    await users.append('ana', 'UserTokenRevoked', { username: 'ana', jti: 'j', expiresAt: '2026-03-04T00:00:00.000Z' }, later);
    events = await store.readAll();
  });
  afterAll(async () => {
    await readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const applyAll = async (times: number) => {
    for (const event of events) {
      if (!projection.eventTypes?.includes(event.type)) continue;
      for (let i = 0; i < times; i += 1) await readModels.transaction((trx) => projection.apply(event, trx, readModels.dialect));
    }
  };

  it('keeps roles, disabled, who changed last and when, and no password hash', async () => {
    await applyAll(1);
    const { users } = await readModelSnapshot(readModels, projection);
    expect(users).toEqual([
      expect.objectContaining({ username: 'ana', roles: '["finance_reviewer"]', disabled: 0, changed_by: 'admin2', created_by: 'admin', tokens_valid_after: '2026-03-03T01:00:00.000Z' }),
      expect.objectContaining({ username: 'bo', disabled: 1, changed_by: 'admin2' }),
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('is idempotent: replaying every event again changes nothing', async () => {
    const before = await readModelSnapshot(readModels, projection);
    await applyAll(2);
    expect(await readModelSnapshot(readModels, projection)).toEqual(before);
  });
});
