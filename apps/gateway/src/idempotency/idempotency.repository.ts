import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';
import { StatementBatcher } from '@koperasi/service-kit';

/** Keys claimed or completed in one statement at most; a busy gateway has a few hundred requests in flight. */
const MAX_KEYS_PER_STATEMENT = 500;

interface Claim {
  scope: string;
  key: string;
  requestHash: string;
  origin: CommandOrigin;
}

interface Completion {
  scope: string;
  key: string;
  response: StoredResponse;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Where a write came from: the command it became and who sent it, for the auditors' trace. */
export interface CommandOrigin {
  commandId: string;
  userId: string;
  method: string;
  path: string;
}

export type IdempotencyRecord =
  | { state: 'in-progress'; requestHash: string }
  | { state: 'done'; requestHash: string; response: StoredResponse };

interface IdempotencyRow {
  request_hash: string;
  status: 'in-progress' | 'done';
  response_status: number | null;
  response_body: unknown;
}

/**
 * The idempotency rows. Claims and completions of concurrent requests are written together, one statement for
 * a batch (StatementBatcher): two round trips a write whatever the load, and far fewer statements.
 */
@Injectable()
export class IdempotencyRepository {
  private readonly claims = new StatementBatcher(
    (batch: Claim[]) => this.claimAll(batch),
    MAX_KEYS_PER_STATEMENT,
  );
  private readonly completions = new StatementBatcher(
    (batch: Completion[]) => this.completeAll(batch),
    MAX_KEYS_PER_STATEMENT,
  );

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** True when this call created the row and so owns the request. */
  claim(scope: string, key: string, requestHash: string, origin: CommandOrigin): Promise<boolean> {
    return this.claims.add({ scope, key, requestHash, origin });
  }

  /** Of the same key twice in a batch only the first can own it: a row is inserted once. */
  private async claimAll(batch: Claim[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{ koperasi_scope: string; key: string }>(
      `INSERT INTO idempotency_keys (koperasi_scope, key, request_hash, status, command_id, user_id, method, path)
       SELECT scope, key, request_hash, 'in-progress', command_id, user_id, method, path
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[])
         AS claim(scope, key, request_hash, command_id, user_id, method, path)
       ON CONFLICT DO NOTHING
       RETURNING koperasi_scope, key`,
      [
        batch.map((claim) => claim.scope),
        batch.map((claim) => claim.key),
        batch.map((claim) => claim.requestHash),
        batch.map((claim) => claim.origin.commandId),
        batch.map((claim) => claim.origin.userId),
        batch.map((claim) => claim.origin.method),
        batch.map((claim) => claim.origin.path),
      ],
    );
    const inserted = new Set(rows.map((row) => JSON.stringify([row.koperasi_scope, row.key])));
    return batch.map((claim) => inserted.delete(JSON.stringify([claim.scope, claim.key])));
  }

  /**
   * Takes over a claim of the same request older than `leaseMs`: its owner died or lost its database between
   * claiming and completing. Executing again is safe: the commandId comes from the key, so the service acts once.
   */
  async takeOverStale(
    scope: string,
    key: string,
    requestHash: string,
    leaseMs: number,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE idempotency_keys SET claimed_at = now()
       WHERE koperasi_scope = $1 AND key = $2 AND request_hash = $3 AND status = 'in-progress'
         AND claimed_at < now() - make_interval(secs => $4::double precision / 1000)`,
      [scope, key, requestHash, leaseMs],
    );
    return rowCount === 1;
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<IdempotencyRow>(
      'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE koperasi_scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.status === 'in-progress')
      return { state: 'in-progress', requestHash: row.request_hash };
    return {
      state: 'done',
      requestHash: row.request_hash,
      response: { status: row.response_status ?? 500, body: row.response_body },
    };
  }

  complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    return this.completions.add({ scope, key, response });
  }

  private async completeAll(batch: Completion[]): Promise<void[]> {
    await this.pool.query(
      `UPDATE idempotency_keys k
       SET status = 'done', response_status = done.status, response_body = done.body
       FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[]) AS done(scope, key, status, body)
       WHERE k.koperasi_scope = done.scope AND k.key = done.key`,
      [
        batch.map((done) => done.scope),
        batch.map((done) => done.key),
        batch.map((done) => done.response.status),
        batch.map((done) => JSON.stringify(done.response.body)),
      ],
    );
    return batch.map(() => undefined);
  }

  /** Frees a key whose outcome is unknown, so the client's retry with the same key is carried out. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM idempotency_keys WHERE koperasi_scope = $1 AND key = $2 AND status = 'in-progress'`,
      [scope, key],
    );
  }
}
