import type { ReadModelDb, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';

export const USER_SETTINGS_TABLE = 'notification_user_settings';

export type NotificationLanguage = 'zh' | 'en';
/** In-app is every user's and cannot be switched off; the others are chosen by administrators. */
export type PersonalChannel = 'in_app' | 'email';

export interface UserNotificationSettings {
  username: string;
  email: string | null;
  language: NotificationLanguage;
  channels: PersonalChannel[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export const defaultSettings = (username: string): UserNotificationSettings => ({
  username, email: null, language: 'zh', channels: ['in_app'], updatedBy: null, updatedAt: null,
});

/**
 * Per-user delivery settings. Operational configuration, not history (an e-mail address is
 * personal data that must be removable), so it lives beside the read models like the webhook
 * registry. `email_since`: e-mail goes out only for notifications after the position the channel
 * was switched on at, so enabling it never mails a user their whole past.
 */
export class UserNotificationSettingsStore {
  constructor(private readonly readModels: ReadModelDb) {}

  static async migrate(db: Kysely<any>, dialect: ReadModelDialect): Promise<void> {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(USER_SETTINGS_TABLE).ifNotExists()
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('email_enabled', 'integer', (c) => c.notNull())
      .addColumn('email_since', big, (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  }

  async get(username: string): Promise<UserNotificationSettings> {
    const row = await this.readModels.db.selectFrom(USER_SETTINGS_TABLE).selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) return defaultSettings(username);
    const channels: PersonalChannel[] = Number(row.email_enabled) === 1 ? ['in_app', 'email'] : ['in_app'];
    return { username, email: row.email, language: row.language, channels, updatedBy: row.updated_by, updatedAt: row.updated_at };
  }

  /** Writes the whole settings; `head` is the store position now (where a newly enabled e-mail starts). */
  async put(settings: Omit<UserNotificationSettings, 'updatedBy' | 'updatedAt'>, by: string, at: Date, head: number): Promise<UserNotificationSettings> {
    const before = await this.readModels.db.selectFrom(USER_SETTINGS_TABLE).select(['email_enabled', 'email_since']).where('username', '=', settings.username).executeTakeFirst();
    const enabled = settings.channels.includes('email');
    const since = enabled && before && Number(before.email_enabled) === 1 ? Number(before.email_since) : head;
    const row = {
      email: settings.email, language: settings.language, email_enabled: enabled ? 1 : 0, email_since: since, updated_by: by, updated_at: at.toISOString(),
    };
    await this.readModels.transaction(
      (trx) => trx.insertInto(USER_SETTINGS_TABLE).values({ username: settings.username, ...row }).onConflict((oc) => oc.column('username').doUpdateSet(row)).execute(),
      { commit: 'durable' },
    );
    return this.get(settings.username);
  }

  /** Languages of many users at once (rendering a batch of deliveries). */
  async languages(usernames: readonly string[]): Promise<Map<string, NotificationLanguage>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.readModels.db.selectFrom(USER_SETTINGS_TABLE).select(['username', 'language']).where('username', 'in', [...usernames]).execute();
    return new Map(rows.map((r) => [r.username as string, r.language as NotificationLanguage]));
  }
}
