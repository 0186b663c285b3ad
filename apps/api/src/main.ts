import 'reflect-metadata';
import { ConfigError, loadConfig } from '@crm/config';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { resolveAuthSecret } from './infrastructure/auth-secret';
import { systemClock } from './infrastructure/clock';
import { openEventStore } from './infrastructure/open-event-store';

async function main(): Promise<void> {
  const logger = new Logger('main');
  const config = loadConfig();
  const store = await openEventStore(config.eventStore);
  const { secret, generated } = resolveAuthSecret(config);
  if (generated && config.eventStore.kind !== 'sqlite') {
    logger.warn('AUTH_SECRET is not set: tokens are signed with a key generated into DATA_DIR; replicas must share AUTH_SECRET');
  }
  const app = await createApp({
    store,
    clock: systemClock,
    authSecret: secret,
    tokenTtlSeconds: config.tokenTtlSeconds,
    seedDemoUsers: config.seedDemoUsers,
    transport: config.transport,
    webhookAllowPrivateHosts: config.webhookAllowPrivateHosts,
    mail: config.mail,
    consoleUrl: config.consoleUrl,
    fileMaxBytes: config.fileMaxBytes,
    readModelSource: config.eventStore.kind === 'esdb' ? config.eventStore.readModels : undefined,
  });
  await app.listen(config.port);
  logger.log(`listening on http://localhost:${config.port} (event store: ${store.engine}; API docs: /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
