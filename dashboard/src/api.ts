/** The services behind the gateway, by the path segment they answer under. */
export const SERVICES = [
  'auth',
  'data',
  'orchestration',
  'pinn',
  'derivatives',
  'discovery',
  'experiments',
  'reports',
  'audit',
] as const;

export type Service = (typeof SERVICES)[number];

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** An RFC 9457 problem as the services answer it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A readable one-line message for a problem response: detail first, then each invalid field. */
export function describeProblem(problem: Problem, fallback: string): string {
  const head = problem.detail ?? problem.title ?? fallback;
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return fields.length ? `${head} (${fields.join('; ')})` : head;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describeProblem(problem, `HTTP ${status}`));
  }
}

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, body as Problem);
  return body as T;
}

export function login(email: string, password: string): Promise<Tokens> {
  return call<Tokens>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
}

export function serviceInfo(service: Service, token: string): Promise<Record<string, unknown>> {
  return call(`/api/${service}/info`, {}, token);
}
