import 'reflect-metadata';
import { ConfigError, loadConfig } from '@crm/config';
import { createApp } from './app.factory';
import { resolveAuthSecret } from './infrastructure/auth-secret';
import { systemClock } from './infrastructure/clock';
import { openEventStore } from './infrastructure/open-event-store';
import { createRootLogger } from './logging/root.logger';

// LOG_LEVEL is validated with the rest; until it is, a refused configuration is still reported
const log = createRootLogger({ level: 'info' });

async function main(): Promise<void> {
  const config = loadConfig();
  log.level = config.logLevel;
  const store = await openEventStore(config.eventStore, { groupCommit: config.groupCommit });
  const { secret, generated } = resolveAuthSecret(config);
  if (generated && config.eventStore.kind !== 'sqlite') {
    log.warn('AUTH_SECRET is not set: tokens are signed with a key generated into DATA_DIR; replicas must share AUTH_SECRET');
  }
  const app = await createApp({
    store,
    clock: systemClock,
    authSecret: secret,
    tokenTtlSeconds: config.tokenTtlSeconds,
    seedDemoUsers: config.seedDemoUsers,
    role: config.role,
    transport: config.transport,
    webhookAllowPrivateHosts: config.webhookAllowPrivateHosts,
    mail: config.mail,
    consoleUrl: config.consoleUrl,
    fileMaxBytes: config.fileMaxBytes,
    fileStore: config.fileStore,
    metricsToken: config.metricsToken,
    log,
    readModelSource: config.eventStore.kind === 'esdb' ? config.eventStore.readModels : undefined,
  });
  if (config.role === 'projector') {
    // the background work runs from app.init(); this process serves no requests
    log.info(`projector running: projections, reactors, timers and deliveries (event store: ${store.engine})`);
    // its loops sleep on unref'd timers: this keeps the process up until SIGTERM/SIGINT closes the app
    setInterval(() => undefined, 60_000);
    return;
  }
  await app.listen(config.port);
  log.info(`listening on http://localhost:${config.port} (event store: ${store.engine}; role: ${config.role}; API docs: /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log.fatal({ issues: error.issues }, error.message);
  else log.fatal({ err: error }, 'the service did not start');
  log.flush();
  process.exit(1);
});
