/** What the edge needs to know of a route before Nest has routed the request. */
export interface RouteRule {
  method: string;
  /** the OpenAPI path, e.g. `/customers/{id}` */
  path: string;
  isPublic: boolean;
  queryTokenAllowed: boolean;
}

type OpenApiOperation = { 'x-public'?: boolean; 'x-query-token'?: boolean };
export type OpenApiPaths = { paths: Record<string, object> };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * The API's routes as the OpenAPI document lists them, with the flags `@Public()` and
 * `@QueryTokenAllowed()` put there. Middleware that runs before Nest's router (the check that
 * authenticates before a body is read) reads the same decorators through this table, so a new
 * public endpoint needs nothing but its decorator. Matching is as lenient as Express's router
 * (case-insensitive, optional trailing slash): a stricter match would refuse a public route's body.
 */
export class RouteTable {
  private constructor(private readonly rules: ReadonlyArray<RouteRule & { pattern: RegExp }>) {}

  static fromOpenApi(document: OpenApiPaths): RouteTable {
    const rules: Array<RouteRule & { pattern: RegExp }> = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
        if (!METHODS.has(method)) continue;
        const op = operation as OpenApiOperation;
        rules.push({ method: method.toUpperCase(), path, isPublic: op['x-public'] === true, queryTokenAllowed: op['x-query-token'] === true, pattern: patternOf(path) });
      }
    }
    return new RouteTable(rules);
  }

  /** The route a request would be routed to; HEAD is served by GET routes, as Express does. */
  find(method: string, path: string): RouteRule | undefined {
    const wanted = method.toUpperCase();
    const exact = this.rules.find((r) => r.method === wanted && r.pattern.test(path));
    return exact ?? (wanted === 'HEAD' ? this.find('GET', path) : undefined);
  }

  get all(): readonly RouteRule[] {
    return this.rules;
  }
}

function patternOf(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}
