/**
 * Another process writing to the store through the real adapter, as the running service would:
 * `fork(this, [path])` with `-r tools/swc-register.cjs`. It reports each append only after the
 * store acknowledged it, and on "stop" finishes the append in flight, closes the store and exits.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SqliteEventStore } from '@crm/event-store-sqlite';

export interface Acknowledged {
  position: number;
  id: string;
}

async function main(path: string): Promise<void> {
  const store = SqliteEventStore.open(path);
  let stopping = false;
  process.on('message', (message) => void (message === 'stop' && (stopping = true)));
  for (let n = 0; !stopping; n++) {
    const id = randomUUID();
    const { position } = await store.appendToStream(`customer-load-${n % 7}`, [
      { id, type: 'PickupRecorded', data: { pickupId: `load-${n}`, tonnes: n % 50 } as never, metadata: { actor: 'load', correlationId: id, causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 } },
    ]);
    process.send?.({ position, id } satisfies Acknowledged);
    await nextTurn(); // lets "stop" in
  }
  await store.close();
  process.disconnect?.();
}

void main(process.argv[2]);
