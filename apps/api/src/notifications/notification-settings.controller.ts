import { Body, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Put, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { UserDirectory } from '../auth/user-directory';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { UsernameParam } from '../users/users.bodies';
import { type GroupChannelKind, type GroupChannels, redactUrl } from './group-channels';
import { GroupChannelBody, GroupChannelParam, GroupParam, UserSettingsBody } from './notification-settings.bodies';
import { GROUP_CHANNELS, USER_NOTIFICATION_SETTINGS } from './notifications.tokens';
import { allowedClasses } from './outbound-address';
import { literalRefusal } from './outbound-request';
import type { UserNotificationSettingsStore } from './user-notification-settings';

const refuse = (rule: string, field: string, message: string) =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message, rule, field });

/** Administrators configure who gets what where: per user (address, language, channels), per group (robots, mailbox). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-settings')
@Roles('administrator')
export class NotificationSettingsController {
  constructor(
    @Inject(USER_NOTIFICATION_SETTINGS) private readonly users: UserNotificationSettingsStore,
    @Inject(GROUP_CHANNELS) private readonly groups: GroupChannels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
    private readonly directory: UserDirectory,
  ) {}

  @Get('users/:username')
  @ApiOperation({ summary: "A user's notification settings: e-mail address, language, channels (in-app always)" })
  async user(@Param('username', { schema: UsernameParam }) username: string) {
    await this.assertUser(username);
    return this.users.get(username);
  }

  @Put('users/:username')
  @ApiOperation({ summary: "Set a user's e-mail address, language (zh/en) and channels; e-mail needs an address (422 NOTIFY-EMAIL)" })
  async putUser(@Param('username', { schema: UsernameParam }) username: string, @Body({ schema: UserSettingsBody }) body: UserSettingsBody, @CurrentActor() actor: Actor) {
    await this.assertUser(username);
    if (body.channels.includes('email') && body.email === null) throw refuse('NOTIFY-EMAIL', 'email', 'switching e-mail on needs the address to send to');
    const channels = [...new Set(['in_app' as const, ...body.channels])];
    return this.users.put({ username, email: body.email, language: body.language, channels }, actor.id, this.clock.now(), await this.store.headPosition());
  }

  @Get('groups')
  @ApiOperation({ summary: 'Every group channel (robots, mailboxes); robot keys, tokens and secrets are never shown' })
  async listGroups() {
    const items = await this.groups.list();
    return { items: items.map(({ secret, target, since: _since, ...rest }) => ({ ...rest, target: rest.channel === 'email' ? target : redactUrl(target), signed: secret !== null })) };
  }

  @Put('groups/:recipient/channels/:channel')
  @ApiOperation({ summary: "Set a group's 企业微信 robot (url), 钉钉 robot (url, secret for 加签) or mailbox (address); only later notifications go out" })
  async putGroup(
    @Param('recipient', { schema: GroupParam }) recipient: string,
    @Param('channel', { schema: GroupChannelParam }) channel: GroupChannelKind,
    @Body({ schema: GroupChannelBody }) body: GroupChannelBody,
    @CurrentActor() actor: Actor,
  ) {
    const target = this.targetOf(channel, body);
    const since = await this.store.headPosition();
    await this.groups.put({ recipient, channel, target, secret: channel === 'dingtalk' ? (body.secret ?? null) : null, format: body.format, language: body.language, since }, actor.id, this.clock.now());
    return { recipient, channel, target: channel === 'email' ? target : redactUrl(target), format: body.format, language: body.language, signed: channel === 'dingtalk' && body.secret !== undefined };
  }

  @Delete('groups/:recipient/channels/:channel')
  @HttpCode(204)
  async deleteGroup(@Param('recipient', { schema: GroupParam }) recipient: string, @Param('channel', { schema: GroupChannelParam }) channel: GroupChannelKind) {
    if (!(await this.groups.remove(recipient, channel))) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no ${channel} channel for ${recipient}`, rule: 'NOT-FOUND' });
    }
  }

  /** A robot needs a URL the SSRF policy allows (checked again at every send); a mailbox an address. */
  private targetOf(channel: GroupChannelKind, body: GroupChannelBody): string {
    if (channel === 'email') {
      if (!body.address) throw refuse('NOTIFY-CHANNEL', 'address', 'a mailbox channel needs the address to send to');
      if (body.url || body.secret) throw refuse('NOTIFY-CHANNEL', body.url ? 'url' : 'secret', 'a mailbox channel takes an address only');
      return body.address;
    }
    if (!body.url) throw refuse('NOTIFY-CHANNEL', 'url', `a ${channel} robot needs its webhook URL`);
    if (body.address) throw refuse('NOTIFY-CHANNEL', 'address', 'a robot takes a URL, not an address');
    if (channel === 'wecom' && body.secret) throw refuse('NOTIFY-CHANNEL', 'secret', 'a 企业微信 robot is addressed by the key in its URL; it takes no secret');
    const refusal = literalRefusal(new URL(body.url), allowedClasses(this.runtime.webhookAllowPrivateHosts ?? 'none'));
    if (refusal) throw refuse('WEBHOOK-DESTINATION', 'url', refusal);
    return body.url;
  }

  private async assertUser(username: string): Promise<void> {
    if (!(await this.directory.current(username))) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no user ${username}`, rule: 'NOT-FOUND' });
  }
}
