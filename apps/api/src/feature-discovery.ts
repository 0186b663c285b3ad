import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiFeature } from './feature';

let discovered: ApiFeature[] | null = null;

/** Every `src/<context>/<context>.feature.(ts|js)`, in folder-name order (deterministic). */
export function discoverFeatures(): ApiFeature[] {
  discovered ??= readdirSync(__dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const file = ['ts', 'js'].map((ext) => join(__dirname, name, `${name}.feature.${ext}`)).find((f) => existsSync(f));
      if (!file) return [];
      const { feature } = require(file) as { feature?: ApiFeature };
      if (!feature) throw new Error(`${file} must export \`feature\``);
      return [feature];
    });
  return discovered;
}
