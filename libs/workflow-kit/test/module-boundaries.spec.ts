import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layering of architecture.md is enforced by lint, not by good intentions: a domain library
 * that imports NestJS, a database driver or the event-store client must fail `npm run lint`.
 */
const root = join(__dirname, '../../..');

function lint(filePath: string, code: string): string {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return report.messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n');
}

describe('module boundaries (architecture.md: domain libraries stay pure)', () => {
  beforeAll(() => {
    // the rule reads Nx's project graph; building it is what `npm run lint` does first
    execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: root, stdio: 'ignore' });
  });

  it.each([
    ['@nestjs/common', "import { Injectable } from '@nestjs/common';"],
    ['pg', "import { Pool } from 'pg';"],
    ['better-sqlite3', "import Database from 'better-sqlite3';"],
    ['@eventstore/db-client', "import { EventStoreDBClient } from '@eventstore/db-client';"],
    ['an infrastructure library', "import { InMemoryEventStore } from '@crm/event-store';"],
  ])('refuses %s in a type:domain library', (_name, code) => {
    const messages = lint('libs/workflow-kit/src/forbidden.fixture.ts', `${code}\nexport const x = 1;\n`);
    expect(messages).toMatch(/@nx\/enforce-module-boundaries/);
  }, 30_000);

  it('accepts the same infrastructure import in a type:infra library', () => {
    const messages = lint('libs/event-store/src/allowed.fixture.ts', "import { Pool } from 'pg';\nexport const p = Pool;\n");
    expect(messages).not.toMatch(/enforce-module-boundaries/);
  }, 30_000);
});
