import { ApiError, asProblem } from './problem';

export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  /** false: a 401 ends the session instead of opening the sign-in dialog (the start-up check) */
  signInAgain?: boolean;
  /** sent without the token, and its 401 says nothing about the session (signing in itself) */
  anonymous?: boolean;
}

export interface ApiClientOptions {
  /** '' in production: the API serves the console from its own origin */
  baseUrl?: string;
  token?: () => string | undefined;
  /**
   * Called on a 401 to a request that carried a token. `retry` says the request may be sent once
   * more: answering true (the user signed in again) resends it with the fresh token; false ends it.
   */
  onUnauthorized?: (refused: { token: string; retry: boolean }) => Promise<boolean> | boolean | void;
  /** the console's language, sent as Accept-Language so the API's refusals come in it (its own zh-CN translations) */
  language?: () => string;
}

/** The only way the console talks to the API: JSON over fetch with the bearer token. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions = {}) {}

  get<T>(path: string, query?: Query, options?: CallOptions): Promise<T> {
    return this.send<T>('GET', withQuery(path, query), undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: CallOptions): Promise<T> {
    return this.send<T>('POST', path, body, options);
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
    const response = await this.authorised((token) => fetch(this.url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} }), {});
    if (response.ok) return response.blob();
    throw new ApiError(asProblem(response.status, await readBody(response)));
  }

  /** Absolute URL for things fetch does not open (EventSource, downloads). */
  url(path: string, query?: Query): string {
    return `${this.options.baseUrl ?? ''}${withQuery(path, query)}`;
  }

  token(): string | undefined {
    return this.options.token?.();
  }

  private async send<T>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
    const form = body instanceof FormData;
    const language = this.options.language?.();
    const response = await this.authorised((token) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined && !form) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      if (language) headers['accept-language'] = language;
      return fetch(this.url(path), { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    }, options);
    const parsed = await readBody(response);
    if (response.ok) return parsed as T;
    throw new ApiError(asProblem(response.status, parsed));
  }

  /**
   * One call with the current token; on a 401 the session may be renewed (the sign-in dialog) and
   * the call is then sent once more with the new token: the form that sent it never notices.
   */
  private async authorised(call: (token: string | undefined) => Promise<Response>, options: CallOptions): Promise<Response> {
    const token = options.anonymous ? undefined : this.token();
    const response = await reach(() => call(token));
    if (response.status !== 401 || !token) return response;
    const retry = options.signInAgain !== false;
    const renewed = await this.options.onUnauthorized?.({ token, retry });
    return retry && renewed === true ? reach(() => call(this.token())) : response;
  }
}

async function reach(call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (cause) {
    throw new ApiError({ statusCode: 0, message: (cause as Error).message }, 'network');
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
