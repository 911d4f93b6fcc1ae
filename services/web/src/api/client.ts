/**
 * The one way pages talk to the API: same origin, the session cookie, and
 * the header a cross-site form cannot send (the server asks it of every
 * state-changing call made with the cookie). Every failure becomes an
 * ApiProblem carrying the server's problem+json words.
 */
export const REQUEST_HEADER = 'X-Huiyin-Request';

export interface FieldProblem {
  in?: string;
  path: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fields: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }

  /** The bad fields by path, for a form to show beside each one. */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.path, f.message]));
  }
}

export interface CallOptions {
  body?: unknown;
  /** Sent as Idempotency-Key, so a retried click does not act twice. */
  idempotencyKey?: string;
  /** Sent as If-Match: the revision the page last saw. */
  revision?: number;
  signal?: AbortSignal;
}

/** Told when the server says the session is gone, so the app can ask to sign in again. */
let onUnauthenticated: (() => void) | undefined;
export function whenUnauthenticated(callback: () => void): void {
  onUnauthenticated = callback;
}

export async function api<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', [REQUEST_HEADER]: '1' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.revision !== undefined) headers['if-match'] = `"${options.revision}"`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiProblem(0, 'NETWORK', 'network', '');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return parsed as T;
  const problem = (parsed ?? {}) as Record<string, unknown>;
  const failure = new ApiProblem(
    response.status,
    String(problem.code ?? `HTTP.${response.status}`),
    String(problem.title ?? response.statusText),
    String(problem.detail ?? ''),
    Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [],
    problem,
  );
  if (response.status === 401 && !path.startsWith('/api/session')) onUnauthenticated?.();
  throw failure;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, signal ? { signal } : {});
export const post = <T>(path: string, body?: unknown, options: Omit<CallOptions, 'body'> = {}) => api<T>('POST', path, { ...options, body });

/** A fresh key for one user action; the same key is reused if that action is retried. */
export const newKey = (): string => crypto.randomUUID();

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
