import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@koperasi/contracts';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';

export interface UserRecord {
  id: string;
  username: string;
  /** The name receipts print; the username when none was given (users created before names existed). */
  fullName?: string;
  passwordHash: string;
  role: UserRole;
  koperasiId: string | null;
  /** Set for a city auditor only. */
  kotaKabupaten?: string | null;
  /** A disabled user cannot sign in and its sessions end; new users are active. */
  active?: boolean;
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  password_hash: string;
  role: UserRole;
  koperasi_id: string | null;
  kota_kabupaten: string | null;
  active: boolean;
}

const USER_COLUMNS = 'id, username, full_name, password_hash, role, koperasi_id, kota_kabupaten';
const READ_COLUMNS = `${USER_COLUMNS}, active`;

@Injectable()
export class UsersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${READ_COLUMNS} FROM users WHERE username = $1`,
      [username],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${READ_COLUMNS} FROM users WHERE id::text = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The names receipts print for these user ids; an id that is not a user is left out. */
  async fullNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; full_name: string }>(
      'SELECT id::text AS id, full_name FROM users WHERE id::text = ANY($1::text[])',
      [unique],
    );
    return new Map(rows.map((row) => [row.id, row.full_name]));
  }

  /** The name a receipt prints for the user, or the id itself when no such user exists (an id from elsewhere). */
  async fullNameOf(id: string): Promise<string> {
    return (await this.fullNames([id])).get(id) ?? id;
  }

  async adminExists(): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`);
    return (rowCount ?? 0) > 0;
  }

  /** Inserts the user unless the username is taken; false means it was taken. */
  async insert(user: UserRecord): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO NOTHING`,
      [
        user.id,
        user.username,
        user.fullName ?? user.username,
        user.passwordHash,
        user.role,
        user.koperasiId,
        user.kotaKabupaten ?? null,
      ],
    );
    return rowCount === 1;
  }

  /**
   * Enables or disables the user; disabling also moves its session generation on, which ends every session it
   * has. False when there is no such user.
   */
  async setActive(id: string, active: boolean): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE users SET active = $2, session_generation = session_generation + CASE WHEN $2 THEN 0 ELSE 1 END WHERE id::text = $1`,
      [id, active],
    );
    return rowCount === 1;
  }

  /** Stores a new password hash and ends every session the user has (a new session generation). */
  async changePassword(id: string, passwordHash: string): Promise<void> {
    await this.pool.query(
      `UPDATE users SET password_hash = $2, session_generation = session_generation + 1 WHERE id::text = $1`,
      [id, passwordHash],
    );
  }
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    passwordHash: row.password_hash,
    role: row.role,
    koperasiId: row.koperasi_id,
    kotaKabupaten: row.kota_kabupaten,
    active: row.active,
  };
}
