/** What the fuzz did, for the closing line (and the long run's figures in the issue). */
export class FuzzTally {
  requests = 0;
  private readonly started = Date.now();
  private readonly statuses = new Map<number, number>();
  private readonly accepted = new Map<string, { count: number; writes: number }>();
  private readonly origins = new Map<string, number>();
  deniedCallers = 0;
  problems: string[] = [];

  record(status: number, origin: string, allowed: boolean): void {
    this.requests++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const bucket = `${origin}→${status < 400 ? '2xx' : status < 500 ? '4xx' : '5xx'}`;
    this.origins.set(bucket, (this.origins.get(bucket) ?? 0) + 1);
    if (!allowed) this.deniedCallers++;
  }

  acceptedBy(operation: string, wrote: number): void {
    const entry = this.accepted.get(operation) ?? { count: 0, writes: 0 };
    this.accepted.set(operation, { count: entry.count + 1, writes: entry.writes + wrote });
  }

  get serverErrors(): number {
    return [...this.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  }

  summary(operations: number): string {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const statuses = [...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    const origins = [...this.origins].sort().map(([o, n]) => `${o}×${n}`).join(' ');
    const accepted = [...this.accepted].sort().map(([op, e]) => `  ${op}: ${e.count} accepted, ${e.writes} events written`).join('\n');
    return [
      `fuzz: ${this.requests} requests over ${operations} command operations in ${seconds} s; 5xx: ${this.serverErrors}; callers without the role: ${this.deniedCallers}`,
      `statuses: ${statuses}`,
      `by body origin: ${origins}`,
      `accepted (well-formed input only):\n${accepted || '  none'}`,
      ...(this.problems.length ? [`problems (${this.problems.length}):`, ...this.problems.slice(0, 30).map((p) => `  ${p}`)] : []),
    ].join('\n');
  }
}
