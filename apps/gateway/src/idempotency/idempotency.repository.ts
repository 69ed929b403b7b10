import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';

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

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** True when this call created the row and so owns the request. */
  async claim(
    scope: string,
    key: string,
    requestHash: string,
    origin: CommandOrigin,
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO idempotency_keys (koperasi_scope, key, request_hash, status, command_id, user_id, method, path)
       VALUES ($1, $2, $3, 'in-progress', $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [scope, key, requestHash, origin.commandId, origin.userId, origin.method, origin.path],
    );
    return rowCount === 1;
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

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4
       WHERE koperasi_scope = $1 AND key = $2`,
      [scope, key, response.status, JSON.stringify(response.body)],
    );
  }

  /** Frees a key whose outcome is unknown, so the client's retry with the same key is carried out. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM idempotency_keys WHERE koperasi_scope = $1 AND key = $2 AND status = 'in-progress'`,
      [scope, key],
    );
  }
}
