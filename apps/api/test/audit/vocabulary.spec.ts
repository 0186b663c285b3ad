import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as commerce from '@crm/commerce';
import * as committee from '@crm/committee';
import * as complaints from '@crm/complaints';
import * as customers from '@crm/customers';
import * as development from '@crm/development';
import * as keyAccounts from '@crm/key-accounts';
import * as onboarding from '@crm/onboarding';
import * as relationship from '@crm/relationship';
import { knownEventWording } from '@crm/audit';
import type { AnyWorkflow } from '@crm/workflow-kit';

/** Issue 16: people read what happened in Chinese and English, never `review.generalManager`. */
const WORKFLOWS: AnyWorkflow[] = [commerce, committee, complaints, customers, development, keyAccounts, onboarding, relationship]
  .flatMap((lib) => Object.values(lib))
  .filter((v): v is AnyWorkflow => typeof v === 'object' && v !== null && 'machine' in v && 'eventSchemas' in v && 'streamPrefix' in v);

const statePaths = (node: { states?: Record<string, unknown> }, prefix = ''): string[] =>
  Object.entries(node.states ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...statePaths(child as { states?: Record<string, unknown> }, path)];
  });

const HAN = /[\u4e00-\u9fff]/;

/** The type names in the first column of docs/event-catalogue's tables. */
function catalogue(): Set<string> {
  const dir = join(__dirname, '../../../../docs/event-catalogue');
  const catalogued = new Set<string>();
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.startsWith('| `')) continue;
      for (const [, type] of line.split('|')[1].matchAll(/`([A-Z][A-Za-z0-9]+)`/g)) catalogued.add(type);
    }
  }
  return catalogued;
}

describe('the workflows’ vocabulary (issue 16: names, not ids)', () => {
  it('finds the workflows it checks', () => {
    expect(WORKFLOWS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(WORKFLOWS.map((w) => [w.name, w] as const))('%s names itself, every event and every state in Chinese and English', (_name, workflow) => {
    const vocabulary = workflow.vocabulary;
    if (!vocabulary) throw new Error(`${workflow.name} has no vocabulary`);
    const missing = [
      ...Object.keys(workflow.eventSchemas).filter((type) => !vocabulary.events[type]).map((t) => `event ${t}`),
      ...['none', ...statePaths(workflow.machine.root)].filter((s) => !vocabulary.states[s]).map((s) => `state ${s}`),
    ];
    expect(missing).toEqual([]);
    for (const wording of [vocabulary.title, ...Object.values(vocabulary.events), ...Object.values(vocabulary.states)]) {
      expect(wording.zh).toMatch(HAN);
      expect(wording.en).toMatch(/^[A-Z]/);
    }
  });

  it('every event the catalogue lists reads as a name, not its type', () => {
    const catalogued = catalogue();
    const commandTypes = new Set(WORKFLOWS.flatMap((w) => Object.keys(w.commandSchemas)));
    // the key-accounts page lists its policy shapes in a table of the same form
    const shapes = new Set(['DeclinePolicy', 'LoyaltyPolicy']);
    const events = [...catalogued].filter((t) => !commandTypes.has(t) && !shapes.has(t));
    expect(events.length).toBeGreaterThan(150);
    const unnamed = events.filter((type) => !WORKFLOWS.some((w) => knownEventWording(type, w)) && !knownEventWording(type));
    expect(unnamed).toEqual([]);
  });

  it('every event a workflow can write is in the event catalogue (issue 18: the docs list the new events)', () => {
    const catalogued = catalogue();
    const missing = WORKFLOWS.flatMap((w) => Object.keys(w.eventSchemas).filter((type) => !catalogued.has(type)).map((type) => `${w.name}: ${type}`));
    expect(missing).toEqual([]);
  });
});
