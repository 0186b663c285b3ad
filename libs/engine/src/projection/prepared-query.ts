import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { runOnSqliteDirectly } from './sqlite-direct';

/** Stands for a named parameter while the query is built; found again among the compiled parameters. */
class Slot {
  constructor(readonly name: string) {}
}

type Binding = { slot: string } | { fixed: unknown };

interface Compiled {
  query: CompiledQuery;
  bindings: Binding[];
}

/**
 * A query written with Kysely's builder, built and compiled ONCE per SQL dialect, then run with
 * new parameter values. Building and compiling costs tens of µs per query on every call, more
 * than SQLite takes to run the statement; a projection applied to every event pays it per
 * event (on a SQLite read-model connection the cached statement then runs directly, see
 * sqlite-direct.ts). `build` receives stand-ins for the parameters: use them where values go (`values`,
 * `set`, `where` operands, arithmetic), never as column names or lists, and pass every value
 * at `execute` (null, not undefined). A stand-in that did not become a bound parameter
 * (inlined, or turned into a list) is refused when the query is first compiled.
 */
export class PreparedQuery<P extends Record<string, unknown>, R = unknown> {
  private readonly byDialect = new Map<unknown, Compiled>();

  constructor(private readonly build: (db: Kysely<any>, params: P) => Compilable<R>) {}

  async execute(db: Kysely<any>, params: P): Promise<QueryResult<R>> {
    const executor = db.getExecutor();
    // a plugin may rewrite each query: then there is nothing stable to keep
    if (executor.plugins.length > 0) return db.executeQuery(this.build(db, params));
    const dialect = executor.adapter.constructor;
    let compiled = this.byDialect.get(dialect);
    if (!compiled) this.byDialect.set(dialect, (compiled = this.compile(db)));
    const parameters = compiled.bindings.map((b) => ('fixed' in b ? b.fixed : valueOf(params, b.slot)));
    return runOnSqliteDirectly<R>(db, compiled.query.sql, parameters) ?? db.executeQuery<R>({ ...(compiled.query as CompiledQuery<R>), parameters });
  }

  private compile(db: Kysely<any>): Compiled {
    const used = new Set<string>();
    const slots = new Proxy({} as P, {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        used.add(key);
        return new Slot(key);
      },
    });
    const query = this.build(db, slots).compile();
    const bindings = query.parameters.map((p): Binding => (p instanceof Slot ? { slot: p.name } : { fixed: p }));
    const bound = new Set(bindings.flatMap((b) => ('slot' in b ? [b.slot] : [])));
    const lost = [...used].filter((name) => !bound.has(name));
    if (lost.length > 0) throw new Error(`prepared query: ${lost.join(', ')} did not become bound parameters (use them as values only): ${query.sql}`);
    return { query, bindings };
  }
}

function valueOf(params: Record<string, unknown>, name: string): unknown {
  const value = params[name];
  if (value === undefined) throw new TypeError(`prepared query: parameter "${name}" is undefined (pass null for NULL)`);
  return value;
}

export function preparedQuery<P extends Record<string, unknown>, R = unknown>(build: (db: Kysely<any>, params: P) => Compilable<R>): PreparedQuery<P, R> {
  return new PreparedQuery(build);
}
