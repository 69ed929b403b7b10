import type { ClientBase } from 'pg';

/** Past this many statements a mistake is more likely than a real batch; a limit like every batch's. */
const MAX_STATEMENTS = 32;
const PARAMETER = /\$(\d+)/g;

/**
 * Data-modifying statements gathered through a transaction and sent as one: each becomes a CTE of a single
 * WITH, so a batch's events, stream heads, read model rows and stored replies cost one round trip and one
 * statement's overhead instead of one each (the reference pipeline writes a batch the same way).
 *
 * The statements run on one snapshot: none sees another's rows, and no two may change the same row. So only
 * independent writes are added (inserts of new rows, updates of rows nothing else here touches); a write that
 * must see an earlier one runs on its own before `run`. Each statement numbers its parameters from $1 as if
 * alone; they are renumbered here, so a text must hold no `$n` outside its parameters.
 */
export class CombinedWrite {
  private readonly statements: { text: string; values: unknown[] }[] = [];
  private readonly finalSelects: string[] = [];
  private readonly finalValues: unknown[] = [];

  add(text: string, values: unknown[]): void {
    if (this.statements.length >= MAX_STATEMENTS)
      throw new Error(`CombinedWrite: over ${MAX_STATEMENTS} statements`);
    if (text.includes('$$') || /;\s*$/.test(text))
      throw new Error('CombinedWrite: a statement must be one, without dollar quotes');
    this.statements.push({ text, values });
  }

  /** `pg_notify(channel, '')` when the write commits, in the same statement. */
  notify(channel: string): void {
    this.finalValues.push(channel);
    this.finalSelects.push(`pg_notify($${this.finalValues.length}, '')`);
  }

  get isEmpty(): boolean {
    return this.statements.length === 0 && this.finalSelects.length === 0;
  }

  async run(db: ClientBase): Promise<void> {
    if (this.isEmpty) return;
    const values: unknown[] = [];
    const renumber = (text: string, own: unknown[]): string => {
      const offset = values.length;
      values.push(...own);
      return text.replace(PARAMETER, (_, n: string) => {
        if (Number(n) > own.length) throw new Error(`CombinedWrite: $${n} has no value`);
        return `$${Number(n) + offset}`;
      });
    };
    const ctes = this.statements.map(
      ({ text, values: own }, index) => `w${index} AS (${renumber(text, own)})`,
    );
    const finalSelect = renumber(`SELECT ${this.finalSelects.join(', ') || '1'}`, this.finalValues);
    const text = ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n${finalSelect}` : finalSelect;
    this.statements.length = 0;
    this.finalSelects.length = 0;
    this.finalValues.length = 0;
    await db.query(text, values);
  }
}
