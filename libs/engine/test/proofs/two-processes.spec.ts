import { ServiceProcess, waitUntil } from '../support/service-process';
import { createThrowawayDatabase, describeWithPostgres, tempDir } from '@crm/testing';
import { auditTimers } from '../support/verify-history';
import { expectAcknowledgedEventsKept, expectReadModelsRight, Observer } from './proof-harness';

/**
 * Two service processes, each running the projections and the scheduler and issuing commands,
 * against one database: every timer ends exactly once and every read model row is right.
 */
async function twoProcesses(engine: 'postgres' | 'sqlite', location: string): Promise<void> {
  const services = ['a', 'b'].map((name) => new ServiceProcess({ engine, location, name, tickets: 50, retry: [] }));
  const observer = await Observer.open(engine, location);
  try {
    const state = () => services.map((s) => s.describe()).join(' ');
    await waitUntil(() => services.every((s) => s.generated), 40_000, 'both services to issue their commands', state);
    await waitUntil(() => observer.settled(), 20_000, 'every timer to end and the read models to reach the head', state);
    await Promise.all(services.map((s) => s.stop()));
    expect(services.flatMap((s) => s.errors)).toEqual([]);
    const audit = await auditTimers(observer.store);
    expect(audit.problems).toEqual([]);
    expect(audit.fired + audit.cancelled).toBe(100);
    // each TimerFired in the store was written, and reported, by exactly one of the two processes
    const firedByServices = services.flatMap((s) => s.fired).filter((f) => f.outcome === 'executed' || f.outcome === 'refused');
    expect(firedByServices).toHaveLength(audit.fired);
    console.log(`two processes (${engine}): ${audit.fired} fired, ${audit.cancelled} cancelled; a fired ${services[0].fired.length}, b ${services[1].fired.length}`);
    await expectAcknowledgedEventsKept(observer.store, services.flatMap((s) => s.acks));
    await expectReadModelsRight(observer);
  } finally {
    services.forEach((s) => s.child.kill('SIGKILL'));
    await observer.close();
  }
}

describeWithPostgres('proof: two service processes on one PostgreSQL database', () => {
  it('fire every timer exactly once and keep every read model right while commands flow', async () => {
    const db = await createThrowawayDatabase();
    try {
      await twoProcesses('postgres', db.url);
    } finally {
      await db.drop();
    }
  }, 60_000);
});

describe('proof: two service processes on one SQLite file', () => {
  it('fire every timer exactly once and keep every read model right while commands flow', async () => {
    const tmp = tempDir('crm-engine-');
    try {
      await twoProcesses('sqlite', tmp.file('events.db'));
    } finally {
      tmp.remove();
    }
  }, 60_000);
});
