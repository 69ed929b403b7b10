import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A counter's view of the gateway: logs in once, then calls with its bearer token. */
export class ApiClient {
  private token: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<this> {
    const response = await this.call<{ accessToken: string }>('POST', '/auth/login', { username, password });
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    this.token = response.body.accessToken;
    return this;
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.call<T>('GET', path);
  }

  /** A download (CSV, an HTML page): the body as text, with the response's headers. */
  async getText(path: string): Promise<{ status: number; headers: Headers; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** A money POST with its own fresh Idempotency-Key unless one is given. */
  post<T = any>(path: string, body: unknown, idempotencyKey: string | null = randomUUID()): Promise<ApiResponse<T>> {
    return this.call<T>('POST', path, body, idempotencyKey);
  }

  async call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string | null): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
