import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@crm/config';
import { restrictDirectory, restrictMode } from '@crm/event-store-sqlite';
import { logModeChanges } from './open-event-store';

/**
 * AUTH_SECRET when given; otherwise one generated once into DATA_DIR, so tokens survive a
 * restart of the embedded setup. Replicas behind a load balancer must share AUTH_SECRET.
 * Whoever reads the file can sign tokens for any user: DATA_DIR 0700, the file 0600, also when
 * an earlier version left them looser.
 */
export function resolveAuthSecret(config: AppConfig): { secret: string; generated: boolean } {
  if (config.authSecret) return { secret: config.authSecret, generated: false };
  const file = join(config.dataDir, 'auth-secret');
  const dir = restrictDirectory(config.dataDir);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  logModeChanges([dir, restrictMode(file, 0o600)].filter((c) => c !== null));
  return { secret: readFileSync(file, 'utf8').trim(), generated: true };
}
