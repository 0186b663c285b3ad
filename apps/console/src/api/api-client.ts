import { ApiError, asProblem } from './problem';

export type Query = Record<string, string | number | boolean | undefined>;

export interface ApiClientOptions {
  /** '' in production: the API serves the console from its own origin */
  baseUrl?: string;
  token?: () => string | undefined;
  /** called on 401, e.g. to drop an expired session */
  onUnauthorized?: () => void;
  /** the console's language, sent as Accept-Language so the API's refusals come in it (its own zh-CN translations) */
  language?: () => string;
}

/** The only way the console talks to the API: JSON over fetch with the bearer token. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions = {}) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  delete<T = void>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  /** A file as the part `file` of a multipart form (an import's CSV or .xlsx): the browser sets the boundary. */
  postFile<T>(path: string, file: Blob, name: string): Promise<T> {
    const form = new FormData();
    form.append('file', file, name);
    return this.send<T>('POST', path, form);
  }

  /** The bytes of a download (a scan on file), fetched with the bearer token: never a URL that carries it. */
  async blob(path: string): Promise<Blob> {
    const token = this.token();
    let response: Response;
    try {
      response = await fetch(this.url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (cause) {
      throw new ApiError({ statusCode: 0, message: (cause as Error).message }, 'network');
    }
    if (response.ok) return response.blob();
    if (response.status === 401 && token) this.options.onUnauthorized?.();
    throw new ApiError(asProblem(response.status, await readBody(response)));
  }

  /** Absolute URL for things fetch does not open (EventSource, downloads). */
  url(path: string, query?: Query): string {
    return `${this.options.baseUrl ?? ''}${withQuery(path, query)}`;
  }

  token(): string | undefined {
    return this.options.token?.();
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = this.token();
    const headers: Record<string, string> = { accept: 'application/json' };
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const language = this.options.language?.();
    if (language) headers['accept-language'] = language;
    let response: Response;
    try {
      response = await fetch(this.url(path), { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    } catch (cause) {
      throw new ApiError({ statusCode: 0, message: (cause as Error).message }, 'network');
    }
    const parsed = await readBody(response);
    if (response.ok) return parsed as T;
    if (response.status === 401 && token) this.options.onUnauthorized?.();
    throw new ApiError(asProblem(response.status, parsed));
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}
