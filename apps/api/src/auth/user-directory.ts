import { randomUUID } from 'node:crypto';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@crm/event-store';
import { Role } from '@crm/workflow-kit';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { hashPassword, verifyPassword } from './password';

export const Username = z.string().regex(/^[a-z][a-z0-9._-]{1,39}$/, 'lower-case letters, digits, dot, dash or underscore; 2–40 characters');

export interface User {
  id: string;
  name: string;
  roles: Role[];
  passwordHash: string;
  disabled: boolean;
}

/**
 * Users are event-sourced like everything else: `user-<username>` streams record who was
 * registered, which roles they were given and by whom, so access changes are auditable.
 */
@Injectable()
export class UserDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(username: string): Promise<User | null> {
    if (!Username.safeParse(username).success) return null;
    const events = await this.store.readStream(`user-${username}`);
    return events.reduce<User | null>(evolveUser, null);
  }

  /** Creates the user unless it exists; returns false when it already did. */
  async register(
    input: { username: string; name: string; roles: Role[]; password: string },
    by: string,
    at: Date,
  ): Promise<boolean> {
    const passwordHash = await hashPassword(input.password);
    try {
      await this.store.appendToStream(
        `user-${input.username}`,
        [
          {
            id: randomUUID(),
            type: 'UserRegistered',
            data: { username: input.username, name: input.name, roles: input.roles, passwordHash },
            metadata: { actor: by, correlationId: randomUUID(), causationId: null, occurredAt: at.toISOString(), schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  async authenticate(username: string, password: string): Promise<User | null> {
    const user = await this.find(username);
    // a missing user still costs one hash, so timing does not tell which half was wrong
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return user && ok && !user.disabled ? user : null;
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function evolveUser(user: User | null, event: StoredEvent): User | null {
  const data = event.data as Record<string, any>;
  switch (event.type) {
    case 'UserRegistered':
      return { id: data.username, name: data.name, roles: data.roles, passwordHash: data.passwordHash, disabled: false };
    case 'UserRolesChanged':
      return user && { ...user, roles: data.roles };
    case 'UserPasswordChanged':
      return user && { ...user, passwordHash: data.passwordHash };
    case 'UserDisabled':
      return user && { ...user, disabled: true };
    default:
      return user;
  }
}
