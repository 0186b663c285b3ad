/** One operation of the running service's OpenAPI document, ready to be called. */
export interface Operation {
  /** `GET /users/{username}`: the key the expectation table uses */
  key: string;
  method: string;
  /** the path as OpenAPI writes it, with `{param}` placeholders */
  path: string;
  /** the path with every parameter replaced by an example value */
  examplePath: string;
  /** what the endpoint declares (`@Roles`, `@Public`, `@AuditorAllowed`), for suggestions only */
  declared: { roles?: string[]; isPublic: boolean; auditorAllowed?: string };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Path parameter values used when a parameter has no `example` in the document. They name
 * nothing that exists, so a command that passes the guard fails afterwards (404 or 400)
 * instead of changing the data the other probes rely on.
 */
export const EXAMPLE_PATH_PARAMS: Record<string, string> = {
  username: 'matrix-nobody',
};
const DEFAULT_PATH_PARAM = 'matrix-probe-0';

type OpenApiParameter = { name: string; in: string; example?: unknown; schema?: { example?: unknown } };
type OpenApiOperation = { parameters?: OpenApiParameter[]; 'x-required-roles'?: string[]; 'x-public'?: boolean; 'x-auditor-allowed'?: string };
export type OpenApiDocument = { paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> };

/** Every operation of the document (method × path), sorted by key. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        examplePath: examplePath(path, operation.parameters ?? []),
        declared: { roles: operation['x-required-roles'], isPublic: operation['x-public'] === true, auditorAllowed: operation['x-auditor-allowed'] },
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** Loads `/openapi.json` from the running service and enumerates its operations. */
export async function loadOperations(baseUrl: string): Promise<Operation[]> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
  return operationsOf((await response.json()) as OpenApiDocument);
}

export function examplePath(path: string, parameters: readonly OpenApiParameter[]): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const declared = parameters.find((p) => p.in === 'path' && p.name === name);
    const example = declared?.example ?? declared?.schema?.example ?? EXAMPLE_PATH_PARAMS[name] ?? DEFAULT_PATH_PARAM;
    return encodeURIComponent(String(example));
  });
}
