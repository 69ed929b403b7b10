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

/** A claim or a completion, written in one statement with the others of its batch. */
type KeyWrite = { claim: Claim } | { completion: Completion };

/**
 * At most this many key statements run at once: what arrives meanwhile waits for the next, so a busy
 * gateway's statements grow instead of multiplying (pg_stat_statements under bench:members: 2.4 claims a
 * statement with no limit).
 */
const MAX_STATEMENTS_IN_FLIGHT = 2;

/**
 * The idempotency rows. Claims and completions of concurrent requests are written together, one statement for
 * a batch of both (StatementBatcher): two round trips a write whatever the load, and far fewer statements.
 * A completion never meets its own claim in a batch (it comes after the claim's answer), so the update and
 * the insert touch different rows, as the one statement needs.
 */
@Injectable()
export class IdempotencyRepository {
  private readonly writes = new StatementBatcher(
    (batch: KeyWrite[]) => this.writeAll(batch),
    MAX_KEYS_PER_STATEMENT,
    MAX_STATEMENTS_IN_FLIGHT,
  );

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** True when this call created the row and so owns the request. */
  async claim(
    scope: string,
    key: string,
    requestHash: string,
    origin: CommandOrigin,
  ): Promise<boolean> {
    return (await this.writes.add({ claim: { scope, key, requestHash, origin } })) === true;
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.writes.add({ completion: { scope, key, response } });
  }

  /**
   * Answers each claim whether it inserted the row (of the same key twice in a batch only the first can own
   * it: a row is inserted once), and each completion null.
   */
  private async writeAll(batch: KeyWrite[]): Promise<(boolean | null)[]> {
    const claims = batch.flatMap((write) => ('claim' in write ? [write.claim] : []));
    const completions = batch.flatMap((write) => ('completion' in write ? [write.completion] : []));
    const { rows } = await this.pool.query<{ koperasi_scope: string; key: string }>(
      `WITH done AS (
         UPDATE idempotency_keys k
         SET status = 'done', response_status = done.status, response_body = done.body
         FROM unnest($8::text[], $9::text[], $10::int[], $11::jsonb[]) AS done(scope, key, status, body)
         WHERE k.koperasi_scope = done.scope AND k.key = done.key)
       INSERT INTO idempotency_keys (koperasi_scope, key, request_hash, status, command_id, user_id, method, path)
       SELECT scope, key, request_hash, 'in-progress', command_id, user_id, method, path
       FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[])
         AS claim(scope, key, request_hash, command_id, user_id, method, path)
       ON CONFLICT DO NOTHING
       RETURNING koperasi_scope, key`,
      [
        claims.map((claim) => claim.scope),
        claims.map((claim) => claim.key),
        claims.map((claim) => claim.requestHash),
        claims.map((claim) => claim.origin.commandId),
        claims.map((claim) => claim.origin.userId),
        claims.map((claim) => claim.origin.method),
        claims.map((claim) => claim.origin.path),
        completions.map((done) => done.scope),
        completions.map((done) => done.key),
        completions.map((done) => done.response.status),
        completions.map((done) => JSON.stringify(done.response.body)),
      ],
    );
    const inserted = new Set(rows.map((row) => JSON.stringify([row.koperasi_scope, row.key])));
    return batch.map((write) =>
      'claim' in write
        ? inserted.delete(JSON.stringify([write.claim.scope, write.claim.key]))
        : null,
    );
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

  /** Frees a key whose outcome is unknown, so the client's retry with the same key is carried out. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM idempotency_keys WHERE koperasi_scope = $1 AND key = $2 AND status = 'in-progress'`,
      [scope, key],
    );
  }
}
