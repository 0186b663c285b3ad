import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@crm/config';

/**
 * AUTH_SECRET when given; otherwise one generated once into DATA_DIR, so tokens survive a
 * restart of the embedded setup. Replicas behind a load balancer must share AUTH_SECRET.
 */
export function resolveAuthSecret(config: AppConfig): { secret: string; generated: boolean } {
  if (config.authSecret) return { secret: config.authSecret, generated: false };
  const file = join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return { secret: readFileSync(file, 'utf8').trim(), generated: true };
}
