import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/**
 * A counter's view of the gateway: logs in once, then calls with its bearer token, refreshing it once on a 401
 * as the counter app does (a long suite outlives a 15-minute access token).
 */
export class ApiClient {
  private token: string | null = null;
  private refreshToken: string | null = null;
  /** One refresh at a time: a refresh token is used once, and concurrent 401s share the one renewal. */
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<this> {
    const response = await this.call<{ accessToken: string; refreshToken: string }>(
      'POST',
      '/auth/login',
      { username, password },
    );
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    this.token = response.body.accessToken;
    this.refreshToken = response.body.refreshToken;
    return this;
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.call<T>('GET', path);
  }

  /** A download (CSV, an HTML page): the body as text, with the response's headers. */
  async getText(path: string): Promise<{ status: number; headers: Headers; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** A money POST with its own fresh Idempotency-Key unless one is given. */
  post<T = any>(
    path: string,
    body: unknown,
    idempotencyKey: string | null = randomUUID(),
  ): Promise<ApiResponse<T>> {
    return this.call<T>('POST', path, body, idempotencyKey);
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string | null,
  ): Promise<ApiResponse<T>> {
    const sentWith = this.token;
    const answer = await this.send<T>(method, path, body, idempotencyKey);
    // A sign-in's own 401 (a wrong password) is its answer, not an expired token.
    if (
      answer.status !== 401 ||
      !this.refreshToken ||
      /^\/auth\/(login|refresh|logout)$/.test(path)
    )
      return answer;
    // Another call may have renewed the token while this one was on its way.
    const renewed =
      this.token !== sentWith ||
      (await (this.refreshing ??= this.renew().finally(() => (this.refreshing = null))));
    return renewed ? this.send<T>(method, path, body, idempotencyKey) : answer;
  }

  private async renew(): Promise<boolean> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return false;
    this.refreshToken = null;
    const renewed = await this.send<{ accessToken: string; refreshToken: string }>(
      'POST',
      '/auth/refresh',
      { refreshToken },
    );
    if (renewed.status !== 200) return false;
    this.token = renewed.body.accessToken;
    this.refreshToken = renewed.body.refreshToken;
    return true;
  }

  private async send<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string | null,
  ): Promise<ApiResponse<T>> {
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
