import type { ReadModelDb } from '@crm/engine';
import { type Kysely, sql } from 'kysely';
import type { OutboxNotification } from './delivery-channel';
import { OUTBOX_TABLE } from './notification-outbox.projection';
import type { NotificationRenderer, RenderedMessage } from './notification-renderer';
import type { NotificationLanguage, UserNotificationSettingsStore } from './user-notification-settings';

export const READS_TABLE = 'notification_reads';

/** One in-app notification, as its addressee sees it (list and live stream alike). */
export interface InboxItem {
  id: string;
  type: string;
  position: number;
  occurredAt: string;
  read: boolean;
  readAt: string | null;
  title: string;
  company: string | null;
  step: string | null;
  deadline: string | null;
  detail: string | null;
  /** console path (hash route) and the full link */
  link: string;
  url: string;
  /** the groups it reached the user through; empty: addressed to them by name */
  via: string[];
}

type InboxRow = OutboxNotification & { via: string | null; read_at?: string | null };

/**
 * The in-app side of the outbox: a person's rows, read state kept apart (`notification_reads`,
 * not rebuilt with the outbox, so reading survives a rebuild). Every query is by addressee: no
 * path here reads another user's notifications.
 */
export class NotificationInbox {
  constructor(
    private readonly readModels: ReadModelDb,
    private readonly renderer: NotificationRenderer,
    private readonly settings: UserNotificationSettingsStore,
  ) {}

  static async migrate(db: Kysely<any>): Promise<void> {
    await db.schema.createTable(READS_TABLE).ifNotExists()
      .addColumn('notification_id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text', (c) => c.notNull())
      .execute();
  }

  /** Unread first, then newest first. */
  async list(username: string, page: { limit: number; offset: number; unreadOnly: boolean }, language?: NotificationLanguage) {
    let q = this.mine(username);
    if (page.unreadOnly) q = q.where('r.read_at', 'is', null);
    const rows = (await q.selectAll('o').select('r.read_at')
      .orderBy(sql`case when r.read_at is null then 0 else 1 end`).orderBy('o.position', 'desc').orderBy('o.notification_id')
      .limit(page.limit).offset(page.offset).execute()) as InboxRow[];
    const [total, unread] = await Promise.all([this.count(username, false), this.count(username, true)]);
    return { total, unread, limit: page.limit, offset: page.offset, items: await this.items(username, rows, language) };
  }

  async count(username: string, unreadOnly: boolean): Promise<number> {
    let q = this.mine(username);
    if (unreadOnly) q = q.where('r.read_at', 'is', null);
    const row = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** False when the id is not one of the user's notifications (the caller answers 404 either way). */
  async markRead(username: string, id: string, at: Date): Promise<boolean> {
    const row = await this.mine(username).select('o.notification_id').where('o.notification_id', '=', id).executeTakeFirst();
    if (!row) return false;
    await this.readModels.transaction((trx) =>
      trx.insertInto(READS_TABLE).values({ notification_id: id, username, read_at: at.toISOString() }).onConflict((oc) => oc.column('notification_id').doNothing()).execute(),
    );
    return true;
  }

  /** Marks read what the user has up to `upTo` (the position their list showed), never what came after. */
  async markAllRead(username: string, at: Date, upTo?: number): Promise<number> {
    return this.readModels.transaction(async (trx) => {
      let unread = trx.selectFrom(`${OUTBOX_TABLE} as o`).leftJoin(`${READS_TABLE} as r`, 'r.notification_id', 'o.notification_id')
        .select(['o.notification_id', sql.lit(username).as('username'), sql.lit(at.toISOString()).as('read_at')])
        .where('o.kind', '=', 'person').where('o.addressee', '=', username).where('r.read_at', 'is', null);
      if (upTo !== undefined) unread = unread.where('o.position', '<=', upTo);
      const result = await trx.insertInto(READS_TABLE).columns(['notification_id', 'username', 'read_at']).expression(unread)
        .onConflict((oc) => oc.column('notification_id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    });
  }

  /** Every user's rows after a position, oldest first (the live stream's shared feed), or one user's. */
  async after(position: number, limit: number, username?: string): Promise<Array<InboxItem & { addressee: string }>> {
    let q = this.readModels.db.selectFrom(`${OUTBOX_TABLE} as o`).leftJoin(`${READS_TABLE} as r`, 'r.notification_id', 'o.notification_id')
      .selectAll('o').select('r.read_at').where('o.kind', '=', 'person').where('o.position', '>', position);
    if (username) q = q.where('o.addressee', '=', username);
    const rows = (await q.orderBy('o.position').orderBy('o.notification_id').limit(limit).execute()) as InboxRow[];
    const languages = await this.settings.languages([...new Set(rows.map((r) => r.addressee ?? ''))]);
    const messages = await this.renderer.renderAll(rows, (r) => languages.get(r.addressee ?? '') ?? 'zh');
    return rows.map((row, i) => ({ ...itemOf(row, messages[i]), addressee: row.addressee ?? '' }));
  }

  async latestPosition(): Promise<number> {
    const row = await this.readModels.db.selectFrom(OUTBOX_TABLE).select((eb) => eb.fn.max('position').as('latest')).where('kind', '=', 'person').executeTakeFirst();
    return row?.latest === null || row?.latest === undefined ? 0 : Number(row.latest);
  }

  private mine(username: string) {
    return this.readModels.db.selectFrom(`${OUTBOX_TABLE} as o`).leftJoin(`${READS_TABLE} as r`, 'r.notification_id', 'o.notification_id')
      .where('o.kind', '=', 'person').where('o.addressee', '=', username);
  }

  private async items(username: string, rows: InboxRow[], language?: NotificationLanguage): Promise<InboxItem[]> {
    const chosen = language ?? (await this.settings.get(username)).language;
    const messages = await this.renderer.renderAll(rows, () => chosen);
    return rows.map((row, i) => itemOf(row, messages[i]));
  }
}

function itemOf(row: InboxRow, m: RenderedMessage): InboxItem {
  return {
    id: row.notification_id, type: row.event_type, position: Number(row.position), occurredAt: row.occurred_at,
    read: Boolean(row.read_at), readAt: row.read_at ?? null,
    title: m.title, company: m.company, step: m.step, deadline: m.deadline, detail: m.detail, link: m.path, url: m.url,
    via: row.via ? (JSON.parse(row.via) as string[]) : [],
  };
}
