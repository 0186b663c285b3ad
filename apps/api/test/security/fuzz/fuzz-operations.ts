import type { JsonSchema } from './json-schema';

/** A command endpoint of /openapi.json with what the fuzz needs to aim at it and judge the answer. */
export interface FuzzOperation {
  key: string;
  method: string;
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  /** the JSON body the document promises to accept; undefined: the operation takes none */
  bodySchema: JsonSchema | undefined;
}

type DocumentOperation = {
  parameters?: Array<{ name: string; in: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Document = { paths: Record<string, Record<string, DocumentOperation>> };

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every non-GET operation of the running service's document. */
export async function loadCommandOperations(baseUrl: string): Promise<FuzzOperation[]> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
  const document = (await response.json()) as Document;
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of COMMAND_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** `customers` for `/customers/{id}/pickups`: fixtures are looked up per resource. */
export const resourceOf = (operation: FuzzOperation) => operation.path.split('/')[1] ?? '';
