import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { CommandSpec, ServiceConfig } from '../fixtures/engine-service';

const ROOT = join(__dirname, '../../../..');
const SCRIPT = join(__dirname, '../fixtures/engine-service.ts');

export interface Ack {
  key: string;
  streamId: string;
  ids: string[];
  position: number;
}

/** The parent's view of one service process: what it was asked, what it acknowledged, what it fired. */
export class ServiceProcess {
  readonly child: ChildProcess;
  readonly acks: Ack[] = [];
  readonly sending = new Map<string, CommandSpec>();
  readonly fired: { timerId: string; outcome: string }[] = [];
  readonly errors: string[] = [];
  ready = false;
  generated = false;
  /** the largest group of appends the store committed in one transaction */
  largestGroup = 1;
  readonly exited: Promise<number | null>;

  constructor(config: ServiceConfig) {
    this.child = fork(SCRIPT, [JSON.stringify(config)], { execArgv: ['-r', join(ROOT, 'tools/swc-register.cjs')], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.on('message', (m: any) => {
      if (m.ready) this.ready = true;
      if (m.generated) this.generated = true;
      if (m.sending) this.sending.set(m.sending.key, m.sending);
      if (m.ack) {
        this.acks.push(m.ack);
        this.sending.delete(m.ack.key);
      }
      if (m.fired) this.fired.push(m.fired);
      if (m.group) this.largestGroup = Math.max(this.largestGroup, m.group);
      if (m.error) this.errors.push(m.error);
    });
  }

  /** commands sent but never acknowledged (the process died in between): retried by the next run */
  unacknowledged(): CommandSpec[] {
    return [...this.sending.values()];
  }

  describe(): string {
    return JSON.stringify({ ready: this.ready, generated: this.generated, acks: this.acks.length, fired: this.fired.length, errors: this.errors.slice(0, 3) });
  }

  kill(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<number | null> {
    this.child.send('stop');
    return this.exited;
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, state?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${state ? `: ${state()}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
