import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run build` puts the web console; CONSOLE_DIR points elsewhere (e.g. in an image). */
export function consoleDir(): string {
  return process.env.CONSOLE_DIR ?? resolve(__dirname, '../../../console/dist');
}

/**
 * Serves the built web console (apps/console) at `/` from the API's own origin, so the console
 * needs no CORS and no second server. Must run before `app.init()`: middleware added after Nest
 * registered its routes would sit behind Nest's 404 handler.
 *
 * No catch-all "SPA fallback": the console routes in the URL hash (`/#/calendar`), so the only
 * HTML path is `/`, and no API GET route can ever be shadowed by index.html.
 * Returns false (serving nothing) when the console has not been built.
 */
export function serveConsole(app: INestApplication, dir = consoleDir()): boolean {
  if (!existsSync(join(dir, 'index.html'))) return false;
  (app as NestExpressApplication).useStaticAssets(dir, {
    index: 'index.html',
    fallthrough: true,
    setHeaders(res, path) {
      // Vite puts a content hash in every asset name: cache those forever, index.html never.
      const hashed = path.includes(`${join(dir, 'assets')}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
