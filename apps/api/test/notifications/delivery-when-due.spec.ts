import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelDb } from '@crm/engine';
import type { DeliveryChannel, DeliveryItem, OutboxNotification } from '../../src/notifications/delivery-channel';
import { NotificationDeliverer } from '../../src/notifications/notification.deliverer';
import { notificationOutboxProjection, OUTBOX_TABLE } from '../../src/notifications/notification-outbox.projection';

const START = Date.parse('2026-10-12T02:00:00.000Z');

/** A channel that sends every outbox row once, counting how often it was asked what is due. */
class CountingChannel implements DeliveryChannel {
  readonly name = 'webhook' as const;
  asked = 0;
  sent: string[] = [];
  failOnce = new Set<string>();
  constructor(private readonly readModels: ReadModelDb) {}

  async due(): Promise<DeliveryItem[]> {
    this.asked++;
    const rows = (await this.readModels.db.selectFrom(OUTBOX_TABLE).selectAll().orderBy('position').execute()) as OutboxNotification[];
    return rows
      .filter((row) => !this.sent.includes(row.notification_id))
      .map((row) => ({ deliveryId: row.notification_id, channel: 'webhook', row, target: 'http://127.0.0.1:9/hook', secret: null, format: 'json', language: 'zh' }));
  }

  async send(item: DeliveryItem) {
    if (this.failOnce.delete(item.row.notification_id)) return { statusCode: 503, error: 'HTTP 503', recordedUrl: item.target };
    this.sent.push(item.row.notification_id);
    return { statusCode: 200, error: null, recordedUrl: item.target };
  }
}

describe('the delivery timer passes only when something may be due', () => {
  let dir: string;
  let readModels: ReadModelDb;
  let channel: CountingChannel;
  let deliverer: NotificationDeliverer;
  let now = START;

  const addRow = (position: number) =>
    readModels.db
      .insertInto(OUTBOX_TABLE)
      .values({
        notification_id: `n-${position}`, event_id: `e-${position}`, position, recipient: 'sales', addressee: null, event_type: 'ComplaintSlaBreached',
        stream_id: 'complaint-1', occurred_at: new Date(now).toISOString(), payload: '{}', kind: 'group',
      })
      .execute();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-delivery-'));
    readModels = await ReadModelDb.open({ kind: 'sqlite', path: join(dir, 'rm.db') });
    await readModels.ddl((trx) => notificationOutboxProjection.migrate(trx, 'sqlite'));
    channel = new CountingChannel(readModels);
    deliverer = new NotificationDeliverer(readModels, [channel], { clock: { now: () => new Date(now) }, recheckMs: 30_000 });
    await deliverer.migrate();
  });
  afterAll(async () => {
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the channels once while nothing changes, again when the outbox grows, and after the recheck interval', async () => {
    await addRow(10);
    expect((await deliverer.runWhenDue()).map((o) => o.deliveryId)).toEqual(['n-10']);
    // it sent something: the next tick looks again (a pass sends a batch at most), finds nothing, and goes quiet
    await deliverer.runWhenDue();
    expect(channel.asked).toBe(2);
    for (let tick = 0; tick < 5; tick++) {
      now += 1000;
      expect(await deliverer.runWhenDue()).toEqual([]);
    }
    expect(channel.asked).toBe(2);

    await addRow(11);
    expect((await deliverer.runWhenDue()).map((o) => o.deliveryId)).toEqual(['n-11']);
    expect(channel.asked).toBe(3);
    await deliverer.runWhenDue();
    expect(channel.asked).toBe(4);

    now += 30_000;
    await deliverer.runWhenDue();
    expect(channel.asked).toBe(5);
    // the manual pass (POST /notifications/deliver) always asks
    await deliverer.runDue();
    expect(channel.asked).toBe(6);
    expect(channel.sent).toEqual(['n-10', 'n-11']);
  });

  it('passes again when a failed delivery’s retry falls due, with nothing new in the outbox', async () => {
    channel.failOnce.add('n-12');
    await addRow(12);
    expect((await deliverer.runWhenDue()).map((o) => [o.deliveryId, o.delivered])).toEqual([['n-12', false]]);
    await deliverer.runWhenDue(); // the retry is not due yet: nothing sent, quiet
    const asked = channel.asked;
    now += 1000;
    await deliverer.runWhenDue();
    expect(channel.asked).toBe(asked);
    now += 10_000; // the first retry, base delay 10 s
    expect((await deliverer.runWhenDue()).map((o) => [o.deliveryId, o.delivered])).toEqual([['n-12', true]]);
  });
});
