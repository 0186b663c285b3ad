import { z } from 'zod';

/** Edge limits and CORS, from the environment (validated: a bad value stops the start-up). */
export interface SecurityOptions {
  /** browser origins allowed to call the API cross-origin; empty: same origin only (the console is served by the API) */
  consoleOrigins: string[];
  /** largest JSON body accepted; larger answers 413 */
  bodyLimitBytes: number;
}

export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const Origin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as https://console.example.com (scheme, host and port; no path or trailing slash)');

const Env = z.object({
  CONSOLE_ORIGIN: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : []))
    .pipe(z.array(Origin)),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(DEFAULT_BODY_LIMIT_BYTES),
});

export function securityOptionsFromEnv(env: Record<string, string | undefined> = process.env): SecurityOptions {
  const parsed = Env.safeParse({ CONSOLE_ORIGIN: env.CONSOLE_ORIGIN || undefined, BODY_LIMIT_BYTES: env.BODY_LIMIT_BYTES || undefined });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  return { consoleOrigins: parsed.data.CONSOLE_ORIGIN, bodyLimitBytes: parsed.data.BODY_LIMIT_BYTES };
}
