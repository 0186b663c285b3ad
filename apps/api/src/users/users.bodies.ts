import { Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { Username } from '../auth/user-directory';
import { LongText, Page, ShortText } from '../http/edge-schemas';
import { MinPosition } from '../read-models/read-your-writes';

/** `me` names the caller in `/users/me/...`, so no account may be called that. */
export const NewUsername = Username.refine((name) => name !== 'me', '"me" is reserved');
export const UsernameParam = Username;
export const Password = z.string().min(8, 'at least 8 characters').max(200);
export const RoleList = z.array(Role).min(1).max(Role.options.length).refine((roles) => new Set(roles).size === roles.length, 'roles repeat');

export const CreateUser = z.strictObject({ username: NewUsername, name: ShortText, roles: RoleList, password: Password });
export type CreateUser = z.infer<typeof CreateUser>;

export const ChangeRoles = z.strictObject({
  roles: RoleList,
  /** the revision read before editing; a concurrent change then answers 409 instead of being overwritten */
  expectedRevision: z.number().int().min(0).optional(),
});
export type ChangeRoles = z.infer<typeof ChangeRoles>;

export const DisableUser = z.strictObject({ reason: LongText.min(1) });
export type DisableUser = z.infer<typeof DisableUser>;

export const RevokeTokens = z.strictObject({ reason: LongText.min(1) });
export type RevokeTokens = z.infer<typeof RevokeTokens>;

export const ChangeOwnPassword = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type ChangeOwnPassword = z.infer<typeof ChangeOwnPassword>;

export const UsersQuery = z.strictObject({ ...Page, role: Role.optional(), minPosition: MinPosition });
export type UsersQuery = z.infer<typeof UsersQuery>;

/**
 * The person picker's search (ADR 0034): part of a name or username, optionally one role. No
 * paging: a picker shows the first few matches and the user types more to narrow them.
 */
export const PeopleQuery = z.strictObject({
  q: ShortText.optional(),
  role: Role.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  minPosition: MinPosition,
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;
