import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

// In development (`npx nx dev @crm/console`, with the API on :3000) every path that is not one of Vite's own is
// proxied to the API, so the console talks to the same origin in dev and in production.
const API = process.env.CRM_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // `@crm/<lib>` is the library's source entry, as in tsconfig paths: a feature page can reuse a
  // domain library's zod schemas so the form checks exactly what the API will check.
  resolve: { alias: [{ find: /^@crm\/([a-z0-9-]+)$/, replacement: resolve(root, '../../libs/$1/src/index.ts') }] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '^/(?!@|src/|node_modules/|$|index\\.html).*': { target: API, changeOrigin: false } },
  },
});
