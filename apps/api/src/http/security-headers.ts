import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The console's policy: its own scripts, styles and API only. No inline script or style, no
 * eval, no plugins, no framing (clickjacking), no <base> or form posts elsewhere. React sets
 * styles through the CSSOM, which style-src does not govern; the favicon is a data: URI.
 * No upgrade-insecure-requests: a console on plain http://localhost would stop loading its files.
 */
export const CONSOLE_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // blob: a scan fetched with the bearer token is previewed from memory (ADR 0018), never from a URL carrying the token
  'img-src': ["'self'", 'data:', 'blob:'],
  'frame-src': ['blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI's page carries two inline <style> blocks; its scripts are files, so scripts stay strict. */
const DOCS_CSP = { ...CONSOLE_CSP, 'style-src': ["'self'", "'unsafe-inline'"] };

const withPolicy = (directives: Readonly<Record<string, readonly string[]>>) =>
  helmet({ contentSecurityPolicy: { useDefaults: false, directives: directives as Record<string, string[]> } });

/** Helmet's headers with the strict policy everywhere but /docs. */
export function securityHeaders(): RequestHandler {
  const strict = withPolicy(CONSOLE_CSP);
  const docs = withPolicy(DOCS_CSP);
  return (req, res, next) => (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : strict)(req, res, next);
}

/**
 * Answers carry customer data and tokens: no browser or proxy keeps a copy. The console's
 * static files set their own Cache-Control after this (hashed assets may be cached for good).
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
