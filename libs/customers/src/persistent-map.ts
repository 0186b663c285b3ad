/**
 * An immutable string-keyed map (a hash array mapped trie with path copying). `set` copies only
 * the nodes on one root-to-leaf path (at most 7 small arrays), so a machine context that grows
 * by one entry per event stays linear to replay, where copying a record per event was quadratic.
 * Every version stays valid and unchanged: XState snapshots, the engine's before/after and the
 * audit's state-before-each-event all keep their own version.
 */
const BITS = 5;
const MASK = (1 << BITS) - 1;

interface Leaf<V> { readonly kind: 'leaf'; readonly hash: number; readonly key: string; readonly value: V }
interface Collision<V> { readonly kind: 'collision'; readonly hash: number; readonly leaves: readonly Leaf<V>[] }
interface Branch<V> { readonly kind: 'branch'; readonly bitmap: number; readonly children: readonly Node<V>[] }
type Node<V> = Leaf<V> | Collision<V> | Branch<V>;

export interface EntryChange<V> {
  key: string;
  before: V | undefined;
  after: V | undefined;
}

const EMPTY_BRANCH: Branch<never> = { kind: 'branch', bitmap: 0, children: [] };

/** FNV-1a over UTF-16 code units: cheap, deterministic across processes. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const slotOf = (hash: number, shift: number) => 1 << ((hash >>> shift) & MASK);
const indexOf = (bitmap: number, bit: number) => popcount(bitmap & (bit - 1));

function lookup<V>(node: Node<V>, hash: number, key: string): Leaf<V> | undefined {
  for (let shift = 0; ; shift += BITS) {
    if (node.kind === 'leaf') return node.key === key ? node : undefined;
    if (node.kind === 'collision') return node.leaves.find((l) => l.key === key);
    const bit = slotOf(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[indexOf(node.bitmap, bit)];
  }
}

/** Two nodes with different hashes under one slot: branch until their hash bits part. */
function merge<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const [ia, ib] = [(a.hash >>> shift) & MASK, (b.hash >>> shift) & MASK];
  if (ia === ib) return { kind: 'branch', bitmap: 1 << ia, children: [merge(a, b, shift + BITS)] };
  return { kind: 'branch', bitmap: (1 << ia) | (1 << ib), children: ia < ib ? [a, b] : [b, a] };
}

function insert<V>(node: Node<V>, shift: number, leaf: Leaf<V>, added: { yes: boolean }): Node<V> {
  if (node.kind === 'leaf') {
    if (node.key === leaf.key) return node.value === leaf.value ? node : leaf;
    added.yes = true;
    return node.hash === leaf.hash ? { kind: 'collision', hash: leaf.hash, leaves: [node, leaf] } : merge(node, leaf, shift);
  }
  if (node.kind === 'collision') {
    if (node.hash !== leaf.hash) return (added.yes = true), merge(node, leaf, shift);
    const at = node.leaves.findIndex((l) => l.key === leaf.key);
    if (at < 0) return (added.yes = true), { ...node, leaves: [...node.leaves, leaf] };
    if (node.leaves[at].value === leaf.value) return node;
    return { ...node, leaves: node.leaves.map((l, i) => (i === at ? leaf : l)) };
  }
  const bit = slotOf(leaf.hash, shift);
  const i = indexOf(node.bitmap, bit);
  const children = node.children.slice();
  if ((node.bitmap & bit) === 0) {
    added.yes = true;
    children.splice(i, 0, leaf);
    return { kind: 'branch', bitmap: node.bitmap | bit, children };
  }
  const child = insert(node.children[i], shift + BITS, leaf, added);
  if (child === node.children[i]) return node;
  children[i] = child;
  return { kind: 'branch', bitmap: node.bitmap, children };
}

function collect<V>(node: Node<V> | undefined, out: Leaf<V>[]): Leaf<V>[] {
  if (!node) return out;
  if (node.kind === 'leaf') out.push(node);
  else if (node.kind === 'collision') out.push(...node.leaves);
  else for (const child of node.children) collect(child, out);
  return out;
}

/** Walks two versions together, skipping every subtree they share. */
function diff<V>(before: Node<V> | undefined, after: Node<V> | undefined, out: EntryChange<V>[]): void {
  if (before === after) return;
  if (before?.kind === 'branch' && after?.kind === 'branch') {
    for (let bits = before.bitmap | after.bitmap; bits !== 0; bits &= bits - 1) {
      const bit = bits & -bits;
      const child = (n: Branch<V>) => ((n.bitmap & bit) === 0 ? undefined : n.children[indexOf(n.bitmap, bit)]);
      diff(child(before), child(after), out);
    }
    return;
  }
  const old = new Map(collect(before, []).map((l) => [l.key, l.value] as const));
  for (const leaf of collect(after, [])) {
    if (!old.has(leaf.key) || old.get(leaf.key) !== leaf.value) out.push({ key: leaf.key, before: old.get(leaf.key), after: leaf.value });
    old.delete(leaf.key);
  }
  for (const [key, value] of old) out.push({ key, before: value, after: undefined });
}

export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>(EMPTY_BRANCH, 0);

  private constructor(
    private readonly root: Node<V>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY as PersistentMap<V>;
  }

  get(key: string): V | undefined {
    return lookup(this.root, hashOf(key), key)?.value;
  }

  has(key: string): boolean {
    return lookup(this.root, hashOf(key), key) !== undefined;
  }

  /** A new version with `key` set; this one is unchanged (the same map back if nothing changes). */
  set(key: string, value: V): PersistentMap<V> {
    const added = { yes: false };
    const root = insert(this.root, 0, { kind: 'leaf', hash: hashOf(key), key, value }, added);
    return root === this.root ? this : new PersistentMap(root, this.size + (added.yes ? 1 : 0));
  }

  /** Entries in hash order (stable for a given set of keys, not insertion order). */
  entries(): Array<[string, V]> {
    return collect(this.root, []).map((l) => [l.key, l.value]);
  }

  values(): V[] {
    return collect(this.root, []).map((l) => l.value);
  }

  /** What changed from `previous` to this version: cost follows the changes, not the size. */
  changesSince(previous: PersistentMap<V>): EntryChange<V>[] {
    const out: EntryChange<V>[] = [];
    diff(previous.root, this.root, out);
    return out;
  }

  /** Serialises as the plain record it stands for. */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }
}
