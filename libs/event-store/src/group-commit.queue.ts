/** One append's own outcome inside a group: the others' fate does not decide it. */
export type GroupOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs one group's commit; the SQLite write gate passes itself so read-model transactions take turns with whole groups. */
export type CommitRunner = <T>(work: () => Promise<T>) => Promise<T>;

export interface GroupCommitOptions {
  run?: CommitRunner;
  /** the most appends one transaction takes; the rest wait for the next group */
  maxGroup?: number;
  /** told the size of every group committed, for tests and metrics */
  onGroup?: (size: number) => void;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_MAX_GROUP = 256;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit (ADR 0029): appends arriving in the same turn of the event loop, or while a group
 * is being committed, are committed together in one transaction and one flush to disk; each is
 * answered only after that commit returned, with its own result or its own error. One group is
 * in flight at a time, so a group's commit order is its submission order.
 */
export class GroupCommitQueue<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private draining: Promise<void> | null = null;
  private committing = 0;
  private readonly run: CommitRunner;

  constructor(
    private readonly commit: (items: readonly T[]) => Promise<GroupOutcome<R>[]>,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.run = options.run ?? ((work) => work());
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  /** appends submitted and not yet taken into a commit */
  get pending(): number {
    return this.waiting.length;
  }

  /** appends submitted and not yet answered: waiting, or in the group being committed */
  get unanswered(): number {
    return this.waiting.length + this.committing;
  }

  /** resolves once every append submitted so far has been answered */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        // one macrotask: the writers woken by the previous group's answers get to submit first
        await nextTurn();
        await this.run(() => this.commitNext());
      }
    } finally {
      this.draining = null;
    }
  }

  private async commitNext(): Promise<void> {
    const group = this.waiting.splice(0, this.options.maxGroup ?? DEFAULT_MAX_GROUP);
    if (group.length === 0) return;
    let outcomes: GroupOutcome<R>[];
    this.committing = group.length;
    try {
      outcomes = await this.commit(group.map((w) => w.item));
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    } finally {
      this.committing = 0;
    }
    this.options.onGroup?.(group.length);
    group.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }
}
