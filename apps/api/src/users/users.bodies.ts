import { AccountChangeReason, Role, Username } from '@crm/workflow-kit';
import { z } from 'zod';
import { Page, ShortText } from '../http/edge-schemas';
import { MinPosition } from '../read-models/read-your-writes';

// the account's own fields live in @crm/workflow-kit (user-account.ts), where the console reads them too
export { ChangeOwnPassword, ChangeRoles, CreateUser, NewUsername, Password, ResetPassword, RoleList } from '@crm/workflow-kit';
export const UsernameParam = Username;

export const DisableUser = AccountChangeReason;
export type DisableUser = AccountChangeReason;

export const EnableUser = AccountChangeReason;
export type EnableUser = AccountChangeReason;

export const RevokeTokens = AccountChangeReason;
export type RevokeTokens = AccountChangeReason;

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
