import { GroupCommitQueue, type GroupOutcome } from './group-commit.queue';

/** A commit that records its groups and answers each item by its own rule. */
function recordingCommit(decide: (item: string) => GroupOutcome<string> = (item) => ({ ok: true, value: `${item}!` })) {
  const groups: string[][] = [];
  const commit = async (items: readonly string[]) => {
    groups.push([...items]);
    return items.map(decide);
  };
  return { groups, commit };
}

describe('GroupCommitQueue (ADR 0029)', () => {
  it('appends submitted in the same turn are committed as one group, each answered with its own result', async () => {
    const { groups, commit } = recordingCommit();
    const queue = new GroupCommitQueue(commit);
    const answers = await Promise.all(['a', 'b', 'c'].map((item) => queue.submit(item)));
    expect(groups).toEqual([['a', 'b', 'c']]);
    expect(answers).toEqual(['a!', 'b!', 'c!']);
  });

  it('a losing item of a group fails alone; the others are answered', async () => {
    const lost = new Error('lost the race');
    const { commit } = recordingCommit((item) => (item === 'b' ? { ok: false, error: lost } : { ok: true, value: item }));
    const queue = new GroupCommitQueue(commit);
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((item) => queue.submit(item)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: lost },
      { status: 'fulfilled', value: 'c' },
    ]);
  });

  it('a commit that throws fails its own group and not the next one', async () => {
    let calls = 0;
    const queue = new GroupCommitQueue(async (items: readonly string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return items.map((value) => ({ ok: true as const, value }));
    });
    await expect(queue.submit('a')).rejects.toThrow('disk full');
    await expect(queue.submit('b')).resolves.toBe('b');
  });

  it('items submitted while a group is in flight wait and form the next group, in submission order', async () => {
    const { groups, commit } = recordingCommit();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const queue = new GroupCommitQueue(async (items: readonly string[]) => {
      if (first) {
        first = false;
        await held;
      }
      return commit(items);
    });
    const a = queue.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c', 'd'].map((item) => queue.submit(item));
    expect(queue.pending).toBe(3);
    release();
    await Promise.all([a, ...later]);
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('each group runs through the runner once (the SQLite write gate) and groups are bounded by maxGroup', async () => {
    const { groups, commit } = recordingCommit();
    let turns = 0;
    const queue = new GroupCommitQueue(commit, {
      maxGroup: 2,
      run: (work) => {
        turns += 1;
        return work();
      },
    });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => queue.submit(item)));
    expect(groups).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(turns).toBe(3);
  });

  it('idle() waits until every submitted item is answered', async () => {
    const { commit } = recordingCommit();
    const queue = new GroupCommitQueue(commit);
    let answered = 0;
    for (const item of ['a', 'b']) void queue.submit(item).then(() => (answered += 1));
    await queue.idle();
    await Promise.resolve();
    expect(answered).toBe(2);
    expect(queue.pending).toBe(0);
  });
});
