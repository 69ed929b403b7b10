import type { ClientBase } from 'pg';
import type { QueryRunner } from 'typeorm';
import { LEDGER_MIGRATIONS } from '../../schema/ledger-migrations.js';

const REPLAY_SCHEMA = /^replay_[a-z0-9_]{1,50}$/;

/** `replay_20251031_235959_1a2b`: sortable by when it was made, unique among concurrent replays. */
export function replaySchemaName(
  now = new Date(),
  suffix = Math.random().toString(16).slice(2, 6),
): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  return `replay_${stamp}_${suffix}`;
}

export function assertReplaySchema(schema: string): void {
  if (!REPLAY_SCHEMA.test(schema))
    throw new Error(
      `${schema} is not a replay schema name (replay_ + lower-case letters, digits, _)`,
    );
}

/**
 * Creates the schema and applies every ledger migration inside it, so the rebuilt books have exactly the
 * live books' tables. The migrations run through a minimal query runner on a connection whose search_path
 * is the new schema: they are plain SQL without schema names (TypeORM's own runner would drop a
 * search_path given in the URL). A migration needing more of the QueryRunner than `query` fails loudly.
 */
export async function createReplaySchema(client: ClientBase, schema: string): Promise<void> {
  assertReplaySchema(schema);
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  const runner = {
    query: (sql: string, parameters?: unknown[]) =>
      client.query(sql, parameters).then((result) => result.rows),
  };
  for (const Migration of LEDGER_MIGRATIONS)
    await new Migration().up(runner as unknown as QueryRunner);
}

export async function dropReplaySchema(client: ClientBase, schema: string): Promise<void> {
  assertReplaySchema(schema);
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Index and constraint definitions taken off the tables for a bulk load, to put back afterwards. */
export interface DeferredStructure {
  constraints: { table: string; name: string; definition: string }[];
  indexes: { name: string; definition: string }[];
}

/**
 * Makes the journal tables cheap to fill: unlogged (the schema can always be rebuilt, so its writes need not
 * survive a crash), and without indexes, primary keys, unique and foreign keys, which are put back by
 * restoreStructure in one pass each, checking every row at once rather than one insert at a time.
 */
export async function deferStructure(
  client: ClientBase,
  schema: string,
  tables: readonly string[],
): Promise<DeferredStructure> {
  assertReplaySchema(schema);
  const { rows: constraints } = await client.query<{
    table: string;
    name: string;
    definition: string;
    type: string;
  }>(
    `SELECT rel.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition, con.contype AS type
     FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
     WHERE ns.nspname = $1 AND rel.relname = ANY($2) AND con.contype IN ('p', 'u', 'f')`,
    [schema, tables],
  );
  const owned = new Set(constraints.map((constraint) => constraint.name));
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2)`,
    [schema, tables],
  );
  const plainIndexes = indexes.filter((index) => !owned.has(index.name));
  // Foreign keys first: a primary key cannot go while a foreign key leans on it.
  const ordered = [...constraints].sort(
    (a, b) => (a.type === 'f' ? 0 : 1) - (b.type === 'f' ? 0 : 1),
  );
  for (const constraint of ordered)
    await client.query(
      `ALTER TABLE ${schema}.${constraint.table} DROP CONSTRAINT ${quote(constraint.name)}`,
    );
  for (const index of plainIndexes) await client.query(`DROP INDEX ${schema}.${quote(index.name)}`);
  for (const table of tables) await client.query(`ALTER TABLE ${schema}.${table} SET UNLOGGED`);
  return {
    constraints: [...ordered]
      .reverse()
      .map(({ table, name, definition }) => ({ table, name, definition })),
    indexes: plainIndexes,
  };
}

/**
 * Puts the keys and indexes back. Foreign keys come back NOT VALID: every line was written for an entry
 * written by the same replay, and checking two million of them again measured seconds for nothing; the
 * constraint still holds for anything written later.
 */
export async function restoreStructure(
  client: ClientBase,
  schema: string,
  deferred: DeferredStructure,
): Promise<void> {
  for (const constraint of deferred.constraints) {
    const notValid = constraint.definition.startsWith('FOREIGN KEY') ? ' NOT VALID' : '';
    await client.query(
      `ALTER TABLE ${schema}.${constraint.table} ADD CONSTRAINT ${quote(constraint.name)} ${constraint.definition}${notValid}`,
    );
  }
  for (const index of deferred.indexes) await client.query(index.definition);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
