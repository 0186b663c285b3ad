import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASK_TITLES_EN, taskTitle } from './task-titles';

const LIBS = join(__dirname, '../../../../../libs');

/** Every task type the workflows declare (`type: '…'` in libs/*\/src/*.tasks.ts and *.workflow.ts; onboarding's per review step). */
function declaredTaskTypes(): string[] {
  const types = new Set<string>();
  for (const lib of readdirSync(LIBS)) {
    const src = join(LIBS, lib, 'src');
    let files: string[] = [];
    try { files = readdirSync(src).filter((f) => f.endsWith('.tasks.ts') || f.endsWith('.workflow.ts')); } catch { continue; }
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const m of text.matchAll(/\btype: '([a-z-]+\.[A-Za-z-]+)'/g)) types.add(m[1]);
      const steps = /Record<ReviewStep, string> = \{([^}]*)\}/.exec(text);
      if (text.includes('type: `onboarding.${step}`') && steps) for (const s of steps[1].matchAll(/(\w+):/g)) types.add(`onboarding.${s[1]}`);
    }
  }
  return [...types].sort();
}

describe('task titles in the reader’s language (issue 16)', () => {
  it('every task type a workflow declares has an English title', () => {
    const declared = declaredTaskTypes();
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.filter((type) => !TASK_TITLES_EN[type])).toEqual([]);
  });

  it('the table names no type that no workflow declares', () => {
    const declared = new Set(declaredTaskTypes());
    expect(Object.keys(TASK_TITLES_EN).filter((type) => !declared.has(type))).toEqual([]);
  });

  it('Chinese reads the declared title; English reads the table, with no Chinese', () => {
    const task = { type: 'complaint.approve-extension', title: '投诉延期待主管领导批准' };
    expect(taskTitle(task, 'zh-CN')).toBe('投诉延期待主管领导批准');
    expect(taskTitle(task, 'en')).toBe('Complaint extension: supervisor’s approval');
    expect(Object.values(TASK_TITLES_EN).filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
  });
});
