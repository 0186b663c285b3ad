import { Role } from '@crm/workflow-kit';
import { z } from 'zod';

/**
 * Every change to who may do what is an event in the user's own `user-<username>` stream; the
 * event's metadata names who made it (`actor`) and when (`occurredAt`), the data names what.
 * Password hashes live only in these events and in memory, never in a read model or a response.
 */
export const USER_STREAM_PREFIX = 'user-';
export const userStreamId = (username: string): string => `${USER_STREAM_PREFIX}${username}`;

export const UserRegistered = z.object({ username: z.string(), name: z.string(), roles: z.array(Role), passwordHash: z.string() });
export type UserRegistered = z.infer<typeof UserRegistered>;

/** `previousRoles` is kept so the grant or removal reads from the event alone. */
export const UserRolesChanged = z.object({ username: z.string(), roles: z.array(Role), previousRoles: z.array(Role).optional() });
export type UserRolesChanged = z.infer<typeof UserRolesChanged>;

export const UserPasswordChanged = z.object({ username: z.string().optional(), passwordHash: z.string() });
export type UserPasswordChanged = z.infer<typeof UserPasswordChanged>;

export const UserDisabled = z.object({ username: z.string().optional(), reason: z.string().optional() });
export type UserDisabled = z.infer<typeof UserDisabled>;

/** An administrator set a temporary password (`by` in the metadata); the hash only, like at registration. */
export const UserPasswordReset = z.object({ username: z.string(), passwordHash: z.string(), reason: z.string() });
export type UserPasswordReset = z.infer<typeof UserPasswordReset>;

/** A disabled account may sign in again; its tokens from before the disable stay refused. */
export const UserEnabled = z.object({ username: z.string(), reason: z.string() });
export type UserEnabled = z.infer<typeof UserEnabled>;

/** Every token issued before this event is refused (an administrator's "sign out everywhere"). */
export const UserTokensRevoked = z.object({ username: z.string(), reason: z.string() });
export type UserTokensRevoked = z.infer<typeof UserTokensRevoked>;

/** One token (sign-out); `expiresAt` lets the directory forget the id once it could not be used anyway. */
export const UserTokenRevoked = z.object({ username: z.string(), jti: z.string(), expiresAt: z.string() });
export type UserTokenRevoked = z.infer<typeof UserTokenRevoked>;

/** Events after which every earlier token of the user is refused. */
export const SECURITY_CHANGES: ReadonlySet<string> = new Set(['UserRolesChanged', 'UserPasswordChanged', 'UserPasswordReset', 'UserDisabled', 'UserTokensRevoked']);

export const USER_EVENT_TYPES = ['UserRegistered', ...SECURITY_CHANGES, 'UserEnabled', 'UserTokenRevoked'] as const;
