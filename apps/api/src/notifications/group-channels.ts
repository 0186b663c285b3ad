import type { ReadModelDb, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import type { NotificationLanguage } from './user-notification-settings';

export const GROUP_CHANNELS_TABLE = 'notification_group_channels';

/** A group's channels besides its signed webhook (webhook-endpoints.ts): two robots and a mailbox. */
export type GroupChannelKind = 'wecom' | 'dingtalk' | 'email';
export type RobotFormat = 'markdown' | 'text';

export interface GroupChannel {
  recipient: string;
  channel: GroupChannelKind;
  /** the robot's webhook URL, or the mailbox address */
  target: string;
  /** DingTalk's 加签 secret (SEC…); never shown once stored */
  secret: string | null;
  format: RobotFormat;
  language: NotificationLanguage;
  /** only notifications after this position go out (configuring never replays the past) */
  since: number;
}

/**
 * Per recipient group and channel, configured by administrators. Like the webhook registry it
 * holds secrets (a robot URL's `key`/`access_token` is one), so it lives beside the read models
 * rather than in the event history, where a secret could never be removed.
 */
export class GroupChannels {
  constructor(private readonly readModels: ReadModelDb) {}

  static async migrate(db: Kysely<any>, dialect: ReadModelDialect): Promise<void> {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(GROUP_CHANNELS_TABLE).ifNotExists()
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('secret', 'text')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('since', big, (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_group_channels_pk', ['recipient', 'channel'])
      .execute();
  }

  async put(channel: GroupChannel, by: string, at: Date): Promise<void> {
    const row = { target: channel.target, secret: channel.secret, format: channel.format, language: channel.language, since: channel.since, updated_by: by, updated_at: at.toISOString() };
    await this.readModels.transaction(
      (trx) => trx.insertInto(GROUP_CHANNELS_TABLE).values({ recipient: channel.recipient, channel: channel.channel, ...row })
        .onConflict((oc) => oc.columns(['recipient', 'channel']).doUpdateSet(row)).execute(),
      { commit: 'durable' },
    );
  }

  async remove(recipient: string, channel: GroupChannelKind): Promise<boolean> {
    const result = await this.readModels.transaction(
      (trx) => trx.deleteFrom(GROUP_CHANNELS_TABLE).where('recipient', '=', recipient).where('channel', '=', channel).executeTakeFirst(),
      { commit: 'durable' },
    );
    return Number(result.numDeletedRows) > 0;
  }

  async find(recipient: string, channel: GroupChannelKind): Promise<GroupChannel | null> {
    const row = await this.readModels.db.selectFrom(GROUP_CHANNELS_TABLE).selectAll().where('recipient', '=', recipient).where('channel', '=', channel).executeTakeFirst();
    return row ? channelOf(row) : null;
  }

  /** Every configured channel, for GET (the caller redacts) and for the deliverer. */
  async list(channel?: GroupChannelKind): Promise<Array<GroupChannel & { updatedBy: string; updatedAt: string }>> {
    let q = this.readModels.db.selectFrom(GROUP_CHANNELS_TABLE).selectAll();
    if (channel) q = q.where('channel', '=', channel);
    const rows = await q.orderBy('recipient').orderBy('channel').execute();
    return rows.map((r) => ({ ...channelOf(r), updatedBy: r.updated_by as string, updatedAt: r.updated_at as string }));
  }
}

function channelOf(r: Record<string, any>): GroupChannel {
  return { recipient: r.recipient, channel: r.channel, target: r.target, secret: r.secret ?? null, format: r.format, language: r.language, since: Number(r.since) };
}

/** A robot URL as it may be shown or recorded: the key and tokens in its query replaced. */
export function redactUrl(target: string): string {
  try {
    const url = new URL(target);
    for (const name of ['key', 'access_token', 'sign', 'timestamp']) if (url.searchParams.has(name)) url.searchParams.set(name, '…');
    return url.toString();
  } catch {
    return target.startsWith('mailto:') ? target : '(invalid URL)';
  }
}
