/** The API client: JSON in and out, the session cookie plus the CSRF header, problems as ApiError. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  errors?: Array<{ path: string; code: string; message: string }>;
  allowedActions?: string[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('corridor_csrf='))
    ?.slice('corridor_csrf='.length);
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ type: 'urn:corridor:problem:network.unavailable', title: 'Network', status: 0, code: 'network.unavailable' });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(
      typeof payload === 'object' && payload && 'code' in payload
        ? (payload as Problem)
        : { type: 'about:blank', title: 'Error', status: response.status, code: 'server.error' },
    );
  }
  return payload as T;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
