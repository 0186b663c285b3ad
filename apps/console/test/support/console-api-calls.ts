import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One API call the console's source makes: the method and the path, `*` where it is computed. */
export interface ConsoleCall {
  method: string;
  /** `/customers/*\/pickups` */
  path: string;
  file: string;
}

const METHOD_OF: Record<string, string> = { get: 'GET', blob: 'GET', url: 'GET', post: 'POST', postFile: 'POST', put: 'PUT', delete: 'DELETE', useEventStream: 'GET', openEventStream: 'GET' };

// `api.get<T>(ARG` / `.post(ARG` …, and `useEventStream(api, ARG` ; ARG is a literal, a template or a name
const CLIENT_CALL = /\.(get|post|put|delete|postFile|blob|url)\s*(?:<[^\n]*?>)?\(\s*(`[^`]*`|'[^']*'|[A-Za-z_$][\w$]*\s*\([^)\n]*\)|[A-Za-z_$][\w$]*)/g;
// `<CommandCard path={`…`}` and the command forms: a JSX `path` prop is the path the form POSTs to
const JSX_PATH = /\bpath=\{?(`[^`]*`|'[^']*'|"[^"]*")/g;
const STREAM_CALL = /\b(useEventStream|openEventStream)\s*\(\s*\w+\s*,\s*(`[^`]*`|'[^']*'|[A-Za-z_$][\w$]*)/g;
// `const NAME = '…'` / `` const NAME = `…` `` / `const NAME = (…) => `…`` in the same file
const CONSTANT = /\bconst\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*(?:\([^)]*\)\s*=>\s*)?(`[^`]*`|'[^']*')/g;

/**
 * Every call to the API that the console's source spells out, read statically: the ApiClient's
 * methods, the event streams and the command forms' `path` props, with paths given inline, as a file-level constant, or as a small
 * path-building arrow function. A computed segment (`${id}`, `${action}`) matches any one segment,
 * so the comparison errs towards "covered"; a path the scanner cannot read counts as uncovered.
 */
export function consoleApiCalls(sourceDir: string): ConsoleCall[] {
  const calls: ConsoleCall[] = [];
  const files = sourceFiles(sourceDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  // an exported path constant is used by other files too (STREAM_PATH): a file's own constants come first
  const everywhere = new Map<string, string>();
  for (const { text } of files) for (const m of text.matchAll(CONSTANT)) everywhere.set(m[1], m[2]);
  for (const { file, text } of files) {
    const constants = new Map(everywhere);
    for (const m of text.matchAll(CONSTANT)) constants.set(m[1], m[2]);
    const add = (name: string, arg: string) => {
      const path = resolvePath(arg, constants);
      if (path) calls.push({ method: METHOD_OF[name], path, file });
    };
    for (const m of text.matchAll(CLIENT_CALL)) add(m[1], m[2]);
    for (const m of text.matchAll(STREAM_CALL)) add(m[1], m[2]);
    if (file.endsWith('.tsx')) for (const m of text.matchAll(JSX_PATH)) add('post', m[1].replace(/^"|"$/g, "'"));
  }
  return calls;
}

function resolvePath(arg: string, constants: ReadonlyMap<string, string>, depth = 0): string | null {
  if (depth > 3) return null;
  const literal = /^[`']/.test(arg) ? arg.slice(1, -1) : constants.get(arg.replace(/\s*\(.*$/, ''))?.slice(1, -1);
  if (literal === undefined) return null;
  // `${path}/approve`: a leading constant is substituted, any other interpolation is one computed segment
  const expanded = literal.replace(/^\$\{([A-Za-z_$][\w$]*)\}/, (whole, name: string) => {
    const inner = constants.get(name);
    return inner ? (resolvePath(inner, constants, depth + 1) ?? whole) : whole;
  });
  if (!expanded.startsWith('/')) return null;
  return expanded.split('?')[0].replace(/\$\{[^}]*\}/g, '*');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Whether a console call reaches an OpenAPI operation: same method, same segments, `{param}` and
 * `*` match one segment each; a computed last segment (`/complaints/${id}/${action}`) may be several.
 */
export function reaches(call: ConsoleCall, method: string, openApiPath: string): boolean {
  if (call.method !== method) return false;
  const mine = call.path.split('/');
  const theirs = openApiPath.split('/');
  if (mine.at(-1) === '*' && theirs.length > mine.length) theirs.splice(mine.length - 1, theirs.length - mine.length + 1, '*');
  if (mine.length !== theirs.length) return false;
  return theirs.every((segment, i) => segment === mine[i] || mine[i] === '*' || /^\{[^}]+\}$/.test(segment) && mine[i] !== '');
}
