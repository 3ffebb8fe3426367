/**
 * The one way the browser talks to the server: same origin, the HttpOnly session
 * cookie, and the CSRF token (readable cookie hy_csrf) echoed on unsafe requests.
 * Errors arrive as problem+json and are thrown as ApiError with the server's
 * localised title (the server picks the language from Accept-Language).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly body: Record<string, unknown>,
  ) {
    super(title);
  }
}

let acceptLanguage = 'zh-CN';
export function setApiLanguage(language: string) {
  acceptLanguage = language;
}

function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)hy_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown, init: { query?: Query; raw?: Blob; contentType?: string; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': acceptLanguage, accept: 'application/json', ...init.headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let payload: BodyInit | undefined;
  if (init.raw) {
    payload = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(withQuery(`/api/v1${path}`, init.query), { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(response.status, String(data.code ?? 'error'), String(data.title ?? response.statusText), data);
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, { query });
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
