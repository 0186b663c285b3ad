import type { ReadModelDb } from '@crm/engine';
import type { DeliveryChannel } from './delivery-channel';
import { DeliveryLedger, type DeliveryOutcome } from './delivery-ledger';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import { migrateWebhookDeliveries } from './webhook-deliveries';

export type { DeliveryOutcome } from './delivery-ledger';

export interface DelivererOptions {
  clock?: { now(): Date };
  /** first retry after this long; then doubling */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** after this many failed attempts the delivery is marked failed and left for an operator */
  maxAttempts?: number;
  /** deliveries per channel per pass */
  batchSize?: number;
  /** a claim by a process that died is taken over after this long */
  claimMs?: number;
  /** told of every attempt once it is on record (metrics) */
  onAttempt?(outcome: DeliveryOutcome): void;
  /** a quiet service still makes a whole pass this often (a channel or endpoint configured since, a claim expired) */
  recheckMs?: number;
}

/**
 * Delivers the outbox over every channel (signed webhooks, 企业微信 and 钉钉 robots, e-mail):
 * each channel names what is due on it, the shared ledger claims it, the channel sends it once,
 * the ledger records the attempt and schedules the retry. Generic: any context whose events carry
 * `data.notify`/`data.notifyUsers` is delivered; nothing here knows customers or complaints.
 */
export class NotificationDeliverer {
  private readonly ledger: DeliveryLedger;
  private readonly clock: { now(): Date };
  private readonly batchSize: number;
  private readonly onAttempt: (outcome: DeliveryOutcome) => void;
  private running: Promise<DeliveryOutcome[]> = Promise.resolve([]);
  private readonly recheckMs: number;
  /** the outbox's last position when a pass last found nothing to send; null: the last pass sent something */
  private quietAt: { head: number; at: number } | null = null;

  constructor(
    private readonly readModels: ReadModelDb,
    private readonly channels: readonly DeliveryChannel[],
    options: DelivererOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.batchSize = options.batchSize ?? 50;
    this.onAttempt = options.onAttempt ?? (() => undefined);
    this.recheckMs = options.recheckMs ?? 30_000;
    this.ledger = new DeliveryLedger(readModels, {
      clock: this.clock, baseDelayMs: options.baseDelayMs ?? 10_000, maxDelayMs: options.maxDelayMs ?? 3_600_000,
      maxAttempts: options.maxAttempts ?? 10, claimMs: options.claimMs ?? 60_000,
    });
  }

  async migrate(): Promise<void> {
    await this.readModels.ddl((trx) => migrateWebhookDeliveries(trx, this.readModels.dialect));
  }

  /** One pass over everything due now; passes in this process never overlap. */
  runDue(): Promise<DeliveryOutcome[]> {
    const next = this.running.catch(() => []).then(() => this.pass());
    this.running = next;
    return next;
  }

  /**
   * The service's timer: a pass only when something may have become due since a pass last found
   * nothing: the outbox grew, a retry fell due, or `recheckMs` went by. Each channel's question
   * "what is due" joins every outbox row with its ledger row, which grows with the history; asked
   * every second on an idle service it took 35–95 ms a channel at a million events (bench -- scale).
   */
  async runWhenDue(): Promise<DeliveryOutcome[]> {
    const now = this.clock.now();
    const head = await outboxHead(this.readModels);
    const quiet = this.quietAt;
    if (quiet && quiet.head === head && now.getTime() - quiet.at < this.recheckMs && !(await this.ledger.retryDue(now.toISOString()))) return [];
    const outcomes = await this.runDue();
    this.quietAt = outcomes.length === 0 ? { head, at: now.getTime() } : null;
    return outcomes;
  }

  /** Resolves once the pass in flight (if any) has finished (shutdown). */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  private async pass(): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (const channel of this.channels) {
      for (const item of await channel.due(this.clock.now().toISOString(), this.batchSize)) {
        if (!(await this.ledger.claim(item))) continue;
        // a channel that throws (rendering, the mailer) still leaves an attempt on record and a retry
        const result = await channel.send(item).catch((e: Error) => ({ statusCode: null, error: e.message.slice(0, 500), recordedUrl: '(not sent)' }));
        const outcome = await this.ledger.record(item, result);
        this.onAttempt(outcome);
        outcomes.push(outcome);
      }
    }
    return outcomes;
  }
}

/** The outbox's highest position (its position index): moves whenever a notification is added. */
async function outboxHead(readModels: ReadModelDb): Promise<number> {
  const row = await readModels.db.selectFrom(OUTBOX_TABLE).select((eb) => eb.fn.max<number | string | null>('position').as('head')).executeTakeFirst();
  return Number(row?.head ?? 0);
}
