import { Inject, Injectable } from '@nestjs/common';
import type { CommandReply } from '@koperasi/contracts';
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from './pg-pool.js';

/** The reply of every command that acted, by commandId, so a repeated command answers without acting again. */
@Injectable()
export class CommandResults {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async find<R>(commandId: string): Promise<CommandReply<R> | null> {
    const { rows } = await this.pool.query<{ reply: CommandReply<R> }>(
      'SELECT reply FROM command_results WHERE command_id = $1',
      [commandId],
    );
    return rows[0]?.reply ?? null;
  }

  /** Inside the transaction that acted: the reply is stored exactly when the action commits. */
  async save(tx: PoolClient, commandId: string, reply: CommandReply<unknown>): Promise<void> {
    await tx.query('INSERT INTO command_results (command_id, reply) VALUES ($1, $2)', [
      commandId,
      JSON.stringify(reply),
    ]);
  }
}
