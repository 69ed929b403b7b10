import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../database/pg-pool.js';

/** The HTTP request a command came from, as the idempotency store kept it. */
export interface CommandOriginView {
  commandId: string;
  /** The caller's koperasi, or `platform` for the admin. */
  koperasiScope: string;
  idempotencyKey: string;
  method: string | null;
  path: string | null;
  /** sha256 of the canonical method, path and body. */
  requestHash: string;
  status: 'in-progress' | 'done';
  responseStatus: number | null;
  userId: string | null;
  receivedAt: string;
}

interface OriginRow {
  command_id: string;
  koperasi_scope: string;
  key: string;
  method: string | null;
  path: string | null;
  request_hash: string;
  status: 'in-progress' | 'done';
  response_status: number | null;
  user_id: string | null;
  created_at: Date;
}

@Injectable()
export class CommandOrigins {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** The request behind a command id, when it went through this gateway and its key was kept. */
  async find(commandId: string): Promise<CommandOriginView | null> {
    const { rows } = await this.pool.query<OriginRow>(
      `SELECT command_id, koperasi_scope, key, method, path, request_hash, status, response_status, user_id, created_at
       FROM idempotency_keys WHERE command_id::text = $1`,
      [commandId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      commandId: row.command_id,
      koperasiScope: row.koperasi_scope,
      idempotencyKey: row.key,
      method: row.method,
      path: row.path,
      requestHash: row.request_hash,
      status: row.status,
      responseStatus: row.response_status,
      userId: row.user_id,
      receivedAt: row.created_at.toISOString(),
    };
  }
}
