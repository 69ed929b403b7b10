import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@koperasi/contracts';
import type pg from 'pg';
import { PG_POOL } from '../database/pg-pool.js';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: UserRole;
  koperasiId: string | null;
  /** Set for a city auditor only. */
  kotaKabupaten?: string | null;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  koperasi_id: string | null;
  kota_kabupaten: string | null;
}

const USER_COLUMNS = 'id, username, password_hash, role, koperasi_id, kota_kabupaten';

@Injectable()
export class UsersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE username = $1`,
      [username],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id::text = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async adminExists(): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`);
    return (rowCount ?? 0) > 0;
  }

  /** Inserts the user unless the username is taken; false means it was taken. */
  async insert(user: UserRecord): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING`,
      [user.id, user.username, user.passwordHash, user.role, user.koperasiId, user.kotaKabupaten ?? null],
    );
    return rowCount === 1;
  }
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    koperasiId: row.koperasi_id,
    kotaKabupaten: row.kota_kabupaten,
  };
}
