import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { CommandOutcomeUnknownError } from '../commands/command-sender.js';
import { commandIdFor } from '../commands/command-id.js';
import { gatewayMigrations } from '../database/gateway-migrations.js';
import { ApiException } from '../http/api-exception.js';
import { IdempotencyRepository, type StoredResponse } from './idempotency.repository.js';
import { hashRequest, IdempotencyService, type IdempotentRequest } from './idempotency.service.js';

const TELLER_ID = '6a1f0c4e-2b7d-4e51-9a0c-3d8e7f6b5a41';

describe('IdempotencyService', () => {
  let database: TestDatabase;
  let service: IdempotencyService;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_idem', gatewayMigrations);
    service = new IdempotencyService(new IdempotencyRepository(database.pool), {
      commandTimeoutMs: 2000,
    });
  });
  afterAll(() => database.drop());

  const deposit = (key: string, amount: number): IdempotentRequest => ({
    scope: 'koperasi-a',
    userId: TELLER_ID,
    key,
    method: 'POST',
    path: '/api/v1/members/m-1/simpanan-sukarela/deposits',
    body: { amount },
  });

  function slowCommand(calls: string[], response: StoredResponse, delayMs = 100) {
    return async (commandId: string): Promise<StoredResponse> => {
      calls.push(commandId);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return response;
    };
  }

  it('executes the same key and body sent 10 times at once exactly once, and answers all 10 alike', async () => {
    const calls: string[] = [];
    const execute = slowCommand(calls, { status: 200, body: { eventId: 'e-1', amount: 5000 } });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => service.run(deposit('same-key', 5000), execute)),
    );
    expect(calls).toEqual([commandIdFor('koperasi-a', 'same-key')]);
    for (const response of responses)
      expect(response).toEqual({ status: 200, body: { eventId: 'e-1', amount: 5000 } });
  });

  // Claims and completions of concurrent requests share one statement: each key still stands on its own.
  it('given 50 different keys and a repeat of one sent at once, each executes once and each repeat gets its own answer', async () => {
    const calls: string[] = [];
    const keys = Array.from({ length: 50 }, (_unused, index) => `batch-${index}`);
    const answers = await Promise.all(
      [...keys, 'batch-7'].map((key) =>
        service.run(
          deposit(key, 100),
          slowCommand(calls, { status: 200, body: { key, body: `it's "${key}"` } }, 10),
        ),
      ),
    );
    expect([...calls].sort()).toEqual(keys.map((key) => commandIdFor('koperasi-a', key)).sort());
    expect(answers.map((answer) => answer.body)).toEqual(
      [...keys, 'batch-7'].map((key) => ({ key, body: `it's "${key}"` })),
    );
    const repeats = await Promise.all(
      keys.map((key) =>
        service.run(deposit(key, 100), slowCommand(calls, { status: 500, body: {} })),
      ),
    );
    expect(repeats.map((answer) => answer.body)).toEqual(
      keys.map((key) => ({ key, body: `it's "${key}"` })),
    );
    expect(calls).toHaveLength(50);
  });

  it('answers a later repeat from the store without executing again', async () => {
    const calls: string[] = [];
    const execute = slowCommand(calls, { status: 200, body: { n: 1 } }, 0);
    await service.run(deposit('later', 100), execute);
    await expect(service.run(deposit('later', 100), execute)).resolves.toEqual({
      status: 200,
      body: { n: 1 },
    });
    expect(calls).toHaveLength(1);
  });

  it('stores a refusal like a success, so the repeat gets the same refusal', async () => {
    const calls: string[] = [];
    const refusal = {
      status: 422,
      body: { statusCode: 422, error: 'INSUFFICIENT_SUKARELA', message: 'no', details: null },
    };
    const execute = slowCommand(calls, refusal, 0);
    await service.run(deposit('refused', 100), execute);
    await expect(service.run(deposit('refused', 100), execute)).resolves.toEqual(refusal);
    expect(calls).toHaveLength(1);
  });

  it('refuses the same key with a different body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const calls: string[] = [];
    await service.run(deposit('reused', 100), slowCommand(calls, { status: 200, body: {} }, 0));
    const reuse = service.run(
      deposit('reused', 200),
      slowCommand(calls, { status: 200, body: {} }, 0),
    );
    await expect(reuse).rejects.toMatchObject({
      body: { statusCode: 422, error: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(calls).toHaveLength(1);
  });

  it('keeps keys of different koperasi apart', async () => {
    const calls: string[] = [];
    const execute = slowCommand(calls, { status: 200, body: {} }, 0);
    await service.run(deposit('shared', 100), execute);
    await service.run({ ...deposit('shared', 100), scope: 'koperasi-b' }, execute);
    expect(calls).toEqual([
      commandIdFor('koperasi-a', 'shared'),
      commandIdFor('koperasi-b', 'shared'),
    ]);
  });

  it('answers 503 OUTCOME_UNKNOWN on a timeout and lets the retry through with the same commandId', async () => {
    const calls: string[] = [];
    const timingOut = async (commandId: string): Promise<StoredResponse> => {
      calls.push(commandId);
      throw new CommandOutcomeUnknownError(
        'members.cmd.deposit-sukarela',
        new Error('Timeout has occurred'),
      );
    };
    const failed = await service
      .run(deposit('unknown', 100), timingOut)
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiException);
    expect((failed as ApiException).body).toMatchObject({
      statusCode: 503,
      error: 'OUTCOME_UNKNOWN',
    });

    const retried = await service.run(
      deposit('unknown', 100),
      slowCommand(calls, { status: 200, body: { ok: 1 } }, 0),
    );
    expect(retried).toEqual({ status: 200, body: { ok: 1 } });
    expect(calls).toEqual([
      commandIdFor('koperasi-a', 'unknown'),
      commandIdFor('koperasi-a', 'unknown'),
    ]);
  });

  // Found by the chaos run: a gateway SIGKILLed (or cut from PostgreSQL) between claiming a key and completing it
  // left the key in progress for ever, so every retry of that counter's request answered "outcome unknown".
  it('given a claim whose gateway died before completing, when the retry comes after the lease, then it takes the key over and executes once with the same commandId', async () => {
    const request = deposit('orphaned', 100);
    const repository = new IdempotencyRepository(database.pool);
    const origin = {
      commandId: commandIdFor('koperasi-a', 'orphaned'),
      userId: TELLER_ID,
      method: request.method,
      path: request.path,
    };
    expect(await repository.claim('koperasi-a', 'orphaned', hashRequest(request), origin)).toBe(
      true,
    );
    const calls: string[] = [];
    const withinLease = await service
      .run(request, slowCommand(calls, { status: 200, body: { ok: 1 } }, 0))
      .catch((error: unknown) => error);
    expect((withinLease as ApiException).body).toMatchObject({
      statusCode: 503,
      error: 'OUTCOME_UNKNOWN',
    });
    expect(calls).toEqual([]);

    await database.pool.query(
      `UPDATE idempotency_keys SET claimed_at = now() - interval '1 minute' WHERE key = 'orphaned'`,
    );
    await expect(
      service.run(request, slowCommand(calls, { status: 200, body: { ok: 1 } }, 0)),
    ).resolves.toEqual({ status: 200, body: { ok: 1 } });
    await expect(
      service.run(request, slowCommand(calls, { status: 200, body: { ok: 2 } }, 0)),
    ).resolves.toEqual({ status: 200, body: { ok: 1 } });
    expect(calls).toEqual([commandIdFor('koperasi-a', 'orphaned')]);
  });

  it('hashes the body canonically: reordered fields are the same request', async () => {
    const calls: string[] = [];
    const execute = slowCommand(calls, { status: 200, body: {} }, 0);
    const request = deposit('reordered', 0);
    await service.run({ ...request, body: { periods: ['2026-01'], amount: 15000 } }, execute);
    await service.run({ ...request, body: { amount: 15000, periods: ['2026-01'] } }, execute);
    expect(calls).toHaveLength(1);
  });
});
