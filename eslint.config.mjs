// Lint keeps the architecture honest: @nx/enforce-module-boundaries reads each project's tags
// (package.json "nx.tags") and refuses imports that cross the layers of architecture.md.
import nx from '@nx/eslint-plugin';

const infrastructure = [
  '@nestjs/*',
  'express',
  'better-sqlite3',
  'pg',
  'kysely',
  '@eventstore/*',
  '@kurrent/*',
  'testcontainers',
  '@testcontainers/*',
  'node:fs',
  'fs',
  'node:http',
  'http',
  'node:child_process',
  'child_process',
];

// metrics and logging adapters live at the edge (apps/api): libraries report through ports and callbacks
const observability = ['prom-client', 'pino', 'pino-pretty'];

const layers = [
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: [...infrastructure, ...observability],
  },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:infra'], bannedExternalImports: observability },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:app'] },
  // libs/testing: throw-away databases and the like, for tests and benchmarks only
  { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:test-support'] },
];

/** Specs, their support files and the benchmarks may use type:test-support; service code may not. */
const testFiles = ['**/test/**/*.ts', '**/test/**/*.tsx', '**/*.spec.ts', '**/*.spec.tsx', 'apps/cli/src/bench.ts', 'apps/cli/src/bench/**/*.ts'];
const withTestSupport = layers.map((c) =>
  c.sourceTag === 'type:infra' || c.sourceTag === 'type:app'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:test-support'] }
    : c,
);
const boundaries = (depConstraints) => ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }];

export default [
  { ignores: ['**/node_modules', '**/dist', 'data', 'coverage', 'tmp', 'test-artifacts', '**/*.cjs', 'apps/console/dist'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(layers),
    },
  },
  { files: testFiles, rules: { '@nx/enforce-module-boundaries': boundaries(withTestSupport) } },
];
