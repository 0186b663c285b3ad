import { randomUUID } from 'node:crypto';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type ExpectedRevision, type JsonObject } from '@crm/event-store';
import { DomainRuleViolation, incompatibleRoles, type Role, Username } from '@crm/workflow-kit';
import { Inject, Injectable } from '@nestjs/common';
import { StreamChanges } from '../infrastructure/stream-changes';
import { hashPassword, verifyPassword } from './password';
import { USER_STREAM_PREFIX, userStreamId } from './user.events';
import { foldUser, type User } from './user.state';

export type { User } from './user.state';

export { Username };

const CACHE_LIMIT = 10_000;

/**
 * Users are event-sourced like everything else: `user-<username>` streams record who was
 * registered, which roles they were given and by whom, so access changes are auditable.
 *
 * `current()` serves the auth guard on every request from memory: an entry is refolded only once
 * the user's own stream changed after it was read, as the store's change feed tells
 * (`StreamChanges`, ADR 0031). A role change, disablement or sign-out made through another replica
 * is honoured as soon as this replica is told of the commit (PostgreSQL NOTIFY; SQLite's poll).
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<string, { user: User | null; stamp: number }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly changes: StreamChanges = new StreamChanges(store),
  ) {
    changes.watch((streamId) => streamId.startsWith(USER_STREAM_PREFIX));
  }

  /** The user as of the latest event (a full read; use `current` on hot paths). */
  async find(username: string): Promise<User | null> {
    if (!Username.safeParse(username).success) return null;
    const stamp = await this.changes.stamp();
    const user = foldUser(await this.store.readStream(userStreamId(username)));
    this.remember(username, user, stamp);
    return user;
  }

  /** Same as `find`, but from memory unless the user's stream changed since it was read. */
  async current(username: string): Promise<User | null> {
    if (!Username.safeParse(username).success) return null;
    const cached = this.cache.get(username);
    if (cached && !(await this.changes.changedSince(userStreamId(username), cached.stamp))) return cached.user;
    return this.find(username);
  }

  /** Creates the user unless it exists; returns false when it already did. */
  async register(input: { username: string; name: string; roles: Role[]; password: string }, by: string, at: Date): Promise<boolean> {
    const passwordHash = await hashPassword(input.password);
    try {
      const data = { username: input.username, name: input.name, roles: input.roles, passwordHash };
      await this.append(input.username, 'UserRegistered', data, { by, at, expectedRevision: 'no_stream' });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /** Appends one event to the user's stream; `expectedRevision` guards read-decide-append races. */
  async append(username: string, type: string, data: JsonObject, options: { by: string; at: Date; expectedRevision: ExpectedRevision }): Promise<number> {
    assertSeparatedRoles(type, data);
    const metadata = { actor: options.by, correlationId: randomUUID(), causationId: null, occurredAt: options.at.toISOString(), schemaVersion: 1 };
    const result = await this.store.appendToStream(userStreamId(username), [{ id: randomUUID(), type, data, metadata }], {
      expectedRevision: options.expectedRevision,
    });
    return result.position;
  }

  async authenticate(username: string, password: string): Promise<User | null> {
    const user = await this.find(username);
    // a missing user still costs one hash, so timing does not tell which half was wrong
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return user && ok && !user.disabled ? user : null;
  }

  private remember(username: string, user: User | null, stamp: number): void {
    // bounded: evict the least recently refreshed entry (Map keeps insertion order)
    this.cache.delete(username);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(username, { user, stamp });
  }
}

/** Every write of a user's roles goes through `append`: the one place segregation of duties is kept for accounts. */
function assertSeparatedRoles(type: string, data: JsonObject): void {
  if (type !== 'UserRegistered' && type !== 'UserRolesChanged') return;
  const clash = incompatibleRoles((data.roles ?? []) as Role[]);
  if (clash) throw new DomainRuleViolation('SOD-ROLES', `one person may not hold both ${clash[0]} and ${clash[1]} (segregation of duties)`, 'roles');
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
