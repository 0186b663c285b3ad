import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { userStreamId } from '../auth/user.events';
import { foldUser } from '../auth/user.state';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { sql } from 'kysely';
import type { PeopleQuery, UsersQuery } from './users.bodies';
import { USERS_TABLE } from './users.projection';
import { userDetailView, userRowView } from './user.views';

@Injectable()
export class UsersQueryService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async list(query: UsersQuery) {
    let base = this.readModels.db.selectFrom(USERS_TABLE);
    // roles are a JSON array in one column: match the quoted name, which no other role contains
    if (query.role) base = base.where('roles', 'like', `%"${query.role}"%`);
    const [{ total }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('username').limit(query.limit).offset(query.offset).execute(),
    ]);
    return { total: Number(total), limit: query.limit, offset: query.offset, items: rows.map(userRowView) };
  }

  /** Active people by part of their name or username (LIKE's wildcards in the text taken literally): who a picker offers. */
  async people(query: PeopleQuery) {
    let base = this.readModels.db.selectFrom(USERS_TABLE).where('disabled', '=', 0);
    if (query.role) base = base.where('roles', 'like', `%"${query.role}"%`);
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where(sql<boolean>`(lower(name) like lower(${like}) escape '\\' or lower(username) like lower(${like}) escape '\\')`);
    }
    const rows = await base.select(['username', 'name', 'roles']).orderBy('name').orderBy('username').limit(query.limit).execute();
    return { items: rows.map((r) => ({ id: r.username as string, name: r.name as string, roles: JSON.parse(r.roles as string) as string[] })) };
  }

  /** Straight from the user's stream: always current, with the full history of access changes. */
  async detail(username: string) {
    const events = await this.store.readStream(userStreamId(username));
    const user = foldUser(events);
    if (!user) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no user ${username}`, rule: 'NOT-FOUND' });
    return userDetailView(user, events);
  }
}
