import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createPartnerSimApp } from '../src/create-partner-sim-app.js';
import type { PartnerSimOptions } from '../src/partner-sim-options.js';
import { aggregatorSign } from '../src/aggregator/signatures.js';

export const TEST_OPTIONS: Omit<PartnerSimOptions, 'aggregatorCallbackUrl'> = {
  aggregatorUsername: 'kkmp-test',
  aggregatorApiKey: 'test-aggregator-api-key',
  aggregatorCallbackSecret: 'test-callback-secret',
  bankApiKey: 'test-bank-api-key',
  plnCutOffWib: null,
};

/** partner-sim in this process on a free port, spoken to over real HTTP. */
export class PartnerSimUnderTest {
  private constructor(
    private readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(callbackUrl = 'http://127.0.0.1:9/unused'): Promise<PartnerSimUnderTest> {
    const app = await createPartnerSimApp(
      { ...TEST_OPTIONS, aggregatorCallbackUrl: callbackUrl },
      false,
    );
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new PartnerSimUnderTest(app, `http://127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  /** A signed aggregator request; `refId` '' for balance and statement. */
  aggregator<T = { data: Record<string, unknown> }>(
    path: string,
    refId: string,
    fields: Record<string, unknown> = {},
  ): Promise<T> {
    const sign = aggregatorSign(
      TEST_OPTIONS.aggregatorApiKey,
      TEST_OPTIONS.aggregatorUsername,
      refId,
    );
    const body = {
      username: TEST_OPTIONS.aggregatorUsername,
      sign,
      ...(refId === '' ? {} : { ref_id: refId }),
      ...fields,
    };
    return this.json<T>('POST', path, body);
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.raw(method, path, body, headers);
    return (await response.json()) as T;
  }

  raw(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async admin(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await this.raw(method, path, body);
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }
}
