import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@crm/event-store';
import type { Actor, Role } from '@crm/workflow-kit';
import { TOKEN_SERVICE } from '../auth/auth.tokens';
import { hashPassword, verifyPassword } from '../auth/password';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { TokenService } from '../auth/token.service';
import { UserDirectory, type User } from '../auth/user-directory';
import { CLOCK, type Clock } from '../infrastructure/clock';
import type { ChangeOwnPassword, ChangeRoles, CreateUser, ResetPassword } from './users.bodies';

export interface UserChange {
  username: string;
  /** global position of the change: pass as `?minPosition=` to GET /users to read it back */
  position: number;
}

/**
 * Administrators' changes to users: read the stream, decide, append with the revision read, so
 * two administrators editing one user at once get a 409 rather than a silent overwrite. Every
 * change names its author in the event's metadata; role, password, disable and "revoke all"
 * changes make every earlier token of that user invalid.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly users: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
  ) {}

  async create(body: CreateUser, by: Actor): Promise<UserChange> {
    const data = { username: body.username, name: body.name, roles: body.roles, passwordHash: await hashPassword(body.password) };
    try {
      const position = await this.users.append(body.username, 'UserRegistered', data, { by: by.id, at: this.clock.now(), expectedRevision: 'no_stream' });
      return { username: body.username, position };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw conflict(`user ${body.username} already exists`);
      throw error;
    }
  }

  async changeRoles(username: string, body: ChangeRoles, by: Actor): Promise<UserChange & { unchanged?: true }> {
    const user = await this.existing(username, body.expectedRevision);
    if (username === by.id && !body.roles.includes('administrator')) throw selfLockout('an administrator cannot remove their own administrator role');
    if (sameRoles(user.roles, body.roles)) return { username, position: 0, unchanged: true };
    const data = { username, roles: body.roles, previousRoles: user.roles };
    return { username, position: await this.users.append(username, 'UserRolesChanged', data, this.guarded(by, user)) };
  }

  async disable(username: string, reason: string, by: Actor): Promise<UserChange> {
    const user = await this.existing(username);
    if (username === by.id) throw selfLockout('an administrator cannot disable their own account');
    if (user.disabled) return { username, position: 0 };
    return { username, position: await this.users.append(username, 'UserDisabled', { username, reason }, this.guarded(by, user)) };
  }

  /** A disabled account may sign in again (with its password as it was, or one reset first). */
  async enable(username: string, reason: string, by: Actor): Promise<UserChange> {
    const user = await this.existing(username);
    if (!user.disabled) return { username, position: 0 };
    return { username, position: await this.users.append(username, 'UserEnabled', { username, reason }, this.guarded(by, user)) };
  }

  /**
   * A temporary password set by an administrator for someone who cannot sign in: stored as its
   * hash only, and every earlier token is refused. Not for the administrator's own account, which
   * changes with the current password (POST /users/me/password), so a stolen token cannot lock
   * the real administrator out.
   */
  async resetPassword(username: string, body: ResetPassword, by: Actor): Promise<UserChange> {
    if (username === by.id) throw selfLockout('an administrator changes their own password with the current one (POST /users/me/password)');
    const user = await this.existing(username);
    const passwordHash = await hashPassword(body.password);
    return { username, position: await this.users.append(username, 'UserPasswordReset', { username, passwordHash, reason: body.reason }, this.guarded(by, user)) };
  }

  async revokeTokens(username: string, reason: string, by: Actor): Promise<UserChange> {
    const user = await this.existing(username);
    return { username, position: await this.users.append(username, 'UserTokensRevoked', { username, reason }, this.guarded(by, user)) };
  }

  /** Changing one's password signs out every other session too; the answer carries a fresh token. */
  async changeOwnPassword(actor: Actor, body: ChangeOwnPassword, client: string) {
    // a stolen token must not make the current password guessable: same throttle as sign-in
    this.throttle.check(actor.id, client);
    const user = await this.existing(actor.id);
    if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
      this.throttle.recordFailure(actor.id, client);
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'the current password is wrong', rule: 'USER-PASSWORD', field: 'currentPassword' });
    }
    const passwordHash = await hashPassword(body.newPassword);
    const position = await this.users.append(actor.id, 'UserPasswordChanged', { username: actor.id, passwordHash }, this.guarded(actor, user));
    const fresh = await this.existing(actor.id);
    const { token, expiresAt } = this.tokens.issue(fresh);
    return { username: actor.id, position, accessToken: token, tokenType: 'Bearer', expiresAt };
  }

  private async existing(username: string, expectedRevision?: number): Promise<User> {
    const user = await this.users.find(username);
    if (!user) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no user ${username}`, rule: 'NOT-FOUND' });
    if (expectedRevision !== undefined && expectedRevision !== user.revision) {
      throw conflict(`user ${username} changed since revision ${expectedRevision} (now ${user.revision}); reload and retry`, 'CONCURRENCY');
    }
    return user;
  }

  private guarded(by: Actor, user: User) {
    return { by: by.id, at: this.clock.now(), expectedRevision: user.revision };
  }
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));
const conflict = (message: string, rule = 'CONFLICT') => new ConflictException({ statusCode: 409, error: 'Conflict', message, rule });
const selfLockout = (message: string) =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message, rule: 'USER-SELF-LOCKOUT' });
