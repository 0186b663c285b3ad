import { z } from 'zod';
import { Role } from './actor';
import { freeText, optionalText } from './free-text';

/**
 * A user account's fields as the API checks them, here so the console's administrator screens
 * check the same rules in the browser (issue 16) without importing the service.
 */
export const Username = z.string().regex(/^[a-z][a-z0-9._-]{1,39}$/, 'lower-case letters, digits, dot, dash or underscore; 2–40 characters');
/** `me` names the caller in `/users/me/...`, so no account may be called that. */
export const NewUsername = Username.refine((name) => name !== 'me', '"me" is reserved');
export const Password = z.string().min(8, 'at least 8 characters').max(200);
export const RoleList = z.array(Role).min(1).max(Role.options.length).refine((roles) => new Set(roles).size === roles.length, 'roles repeat');

export const CreateUser = z.strictObject({ username: NewUsername, name: freeText(200), roles: RoleList, password: Password });
export type CreateUser = z.infer<typeof CreateUser>;

export const ChangeRoles = z.strictObject({
  roles: RoleList,
  /** the revision read before editing; a concurrent change then answers 409 instead of being overwritten */
  expectedRevision: z.number().int().min(0).optional(),
});
export type ChangeRoles = z.infer<typeof ChangeRoles>;

/** Why an account is disabled, re-enabled or signed out everywhere: kept in its history. */
export const AccountChangeReason = z.strictObject({ reason: optionalText(4000).min(1) });
export type AccountChangeReason = z.infer<typeof AccountChangeReason>;

/** Changing one's own password: the current one (so a stolen token cannot do it alone) and the new one. */
export const ChangeOwnPassword = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type ChangeOwnPassword = z.infer<typeof ChangeOwnPassword>;

/**
 * An administrator sets a new temporary password for someone who forgot theirs: the password (the
 * same rule as at creation; only its hash is stored) and why, kept in the account's history.
 */
export const ResetPassword = z.strictObject({ password: Password, reason: AccountChangeReason.shape.reason });
export type ResetPassword = z.infer<typeof ResetPassword>;
