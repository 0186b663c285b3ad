import type { CommandSpec } from '../fixtures/engine-service';
import { type Ack, ServiceProcess, waitUntil } from '../support/service-process';
import { createThrowawayDatabase, describeWithPostgres, tempDir } from '@crm/testing';
import { auditTimers } from '../support/verify-history';
import { expectAcknowledgedEventsKept, expectReadModelsRight, Observer } from './proof-harness';

const KILLS = 4;

/**
 * kill -9 a service at random moments while commands and timers flow, restart it (re-sending
 * whatever it had not acknowledged, with the same idempotency keys), KILLS times; then let a last
 * run finish. No acknowledged event lost, no timer lost or doubled, read models equal a rebuild.
 */
async function crashAndRestart(engine: 'postgres' | 'sqlite', location: string, writers = 1): Promise<void> {
  const acks: Ack[] = [];
  let largestGroup = 1;
  let retry: CommandSpec[] = [];
  const retried: string[] = [];
  for (let run = 0; run <= KILLS; run++) {
    const last = run === KILLS;
    const service = new ServiceProcess({ engine, location, name: `r${run}`, tickets: last ? 10 : 10_000, retry, writers });
    retried.push(...retry.map((r) => r.key));
    try {
      await waitUntil(() => service.ready, 20_000, `run ${run} to start`, () => service.describe());
      if (!last) {
        await new Promise((r) => setTimeout(r, 250 + Math.random() * 700));
        await service.kill();
      } else {
        await waitUntil(() => service.generated, 20_000, 'the last run to issue its commands', () => service.describe());
        const observer = await Observer.open(engine, location);
        try {
          await waitUntil(() => observer.settled(), 20_000, 'every timer to end and the read models to reach the head', () => service.describe());
        } finally {
          await observer.close();
        }
        await service.stop();
      }
    } finally {
      service.child.kill('SIGKILL');
    }
    expect(service.errors).toEqual([]);
    acks.push(...service.acks);
    largestGroup = Math.max(largestGroup, service.largestGroup);
    retry = service.unacknowledged();
  }
  // with concurrent writers the kills must have hit a store that was committing appends in groups
  if (writers > 1) expect(largestGroup).toBeGreaterThan(1);
  const observer = await Observer.open(engine, location);
  try {
    await expectAcknowledgedEventsKept(observer.store, acks);
    const audit = await auditTimers(observer.store);
    expect(audit.problems).toEqual([]);
    expect(audit.pending).toBe(0);
    console.log(`crash test (${engine}, ${writers} writers, largest group ${largestGroup}): ${acks.length} acknowledged commands over ${KILLS} kills, ${retried.length} re-sent after a kill; timers ${audit.fired} fired, ${audit.cancelled} cancelled`);
    await expectReadModelsRight(observer);
  } finally {
    await observer.close();
  }
}

describeWithPostgres('proof: crash (SIGKILL) and restart on PostgreSQL', () => {
  it('loses no acknowledged event, no timer lost or doubled, read models equal a rebuild', async () => {
    const db = await createThrowawayDatabase();
    try {
      await crashAndRestart('postgres', db.url);
    } finally {
      await db.drop();
    }
  }, 60_000);
});

describe('proof: crash (SIGKILL) and restart on a SQLite file', () => {
  it('loses no acknowledged event, no timer lost or doubled, read models equal a rebuild', async () => {
    const tmp = tempDir('crm-engine-');
    try {
      await crashAndRestart('sqlite', tmp.file('events.db'));
    } finally {
      tmp.remove();
    }
  }, 60_000);
});

const WRITERS = 16;

describeWithPostgres('proof: crash (SIGKILL) under group commit on PostgreSQL (ADR 0029)', () => {
  it(`${WRITERS} writers: every acknowledged append survives, no timer lost or doubled, read models equal a rebuild`, async () => {
    const db = await createThrowawayDatabase();
    try {
      await crashAndRestart('postgres', db.url, WRITERS);
    } finally {
      await db.drop();
    }
  }, 90_000);
});

describe('proof: crash (SIGKILL) under group commit on a SQLite file (ADR 0029)', () => {
  it(`${WRITERS} writers: every acknowledged append survives, no timer lost or doubled, read models equal a rebuild`, async () => {
    const tmp = tempDir('crm-engine-');
    try {
      await crashAndRestart('sqlite', tmp.file('events.db'), WRITERS);
    } finally {
      tmp.remove();
    }
  }, 90_000);
});
