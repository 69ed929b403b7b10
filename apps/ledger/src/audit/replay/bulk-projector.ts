import type { ClientBase } from 'pg';
import type { EventEnvelope } from '@koperasi/contracts';
import {
  businessDateWib,
  postBillpayEvent,
  postLoanEvent,
  postMemberEvent,
  SAVINGS_FIELD_BY_ACCOUNT,
  type JournalEntry,
  type SourceService,
  type StartingAccountCode,
} from '../../domain/index.js';
import type { AccountDelta, CashDelta, SavingsDelta } from '../../posting/ledger-deltas.js';
import { copyIn, copyRow } from './copy-in.js';

/** The posting rules of the live projection (posting/project-events.ts), one per service. */
const POSTING_RULES: Record<SourceService, (event: EventEnvelope) => JournalEntry | null> = {
  members: postMemberEvent,
  billpay: postBillpayEvent,
  loans: postLoanEvent,
};

/** An event the posting rules refuse: the live consumer dead-letters it, so the replay books nothing for it either. */
export interface UnpostableEvent {
  service: SourceService;
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  error: string;
}

export interface ProjectionStats {
  events: number;
  entries: number;
  lines: number;
  /** The same event delivered twice (Kafka after a relay restart): booked once, as live does. */
  duplicates: number;
  unpostable: UnpostableEvent[];
}

const ENTRY_COLUMNS = `id, koperasi_id, source_event_id, occurred_at, description, posted_at, source_service, event_type,
  stream_id, stream_version, actor, correlation_id, causation_id`;
const LINE_COLUMNS =
  'entry_id, line_no, koperasi_id, account_code, debit_rp, credit_rp, teller_id, member_id, fee_source, product_code';
const MAX_UNPOSTABLE_LISTED = 1000;

/**
 * Rebuilds the books from events in bulk: the live projection's posting rules and running-sum rules
 * (postXEvent, ledgerDeltas), written as the same rows the live journal writer writes, but by COPY, a batch's
 * write overlapping the next batch's posting, and the running sums (balances, member savings, cash per
 * teller) added up in memory, to be written once at the end (writeRunningSums) instead of batch by batch.
 */
export class BulkProjector {
  readonly stats: ProjectionStats = {
    events: 0,
    entries: 0,
    lines: 0,
    duplicates: 0,
    unpostable: [],
  };
  private unpostableCount = 0;
  private nextEntryId: number;
  private readonly entryIdStride: number;
  private lastEntryId = 0;
  private readonly accounts = new Map<string, AccountDelta>();
  private readonly savings = new Map<string, SavingsDelta>();
  private readonly cash = new Map<string, CashDelta>();
  private readonly seen: Set<string> | null;
  private write: Promise<void> = Promise.resolve();
  private readonly businessDates = new Map<string, string>();

  /**
   * `dedupe`: drop repeated event ids (Kafka may deliver an event twice; a store never holds one twice).
   * Entry ids count from `firstEntryId` in steps of `entryIdStride`, so projectors filling the same tables
   * side by side (one per store) never take the same id.
   */
  constructor(
    private readonly client: ClientBase,
    options: { dedupe: boolean; firstEntryId?: number; entryIdStride?: number },
  ) {
    this.seen = options.dedupe ? new Set() : null;
    this.nextEntryId = options.firstEntryId ?? 1;
    this.entryIdStride = options.entryIdStride ?? 1;
  }

  get unpostableTotal(): number {
    return this.unpostableCount;
  }

  /** Posts one service's events; their rows are written while the caller fetches the next batch. */
  async project(service: SourceService, events: readonly EventEnvelope[]): Promise<void> {
    const post = POSTING_RULES[service];
    const entries: JournalEntry[] = [];
    for (const event of events) {
      if (this.seen) {
        const key = event.eventId.toLowerCase();
        if (this.seen.has(key)) {
          this.stats.duplicates += 1;
          continue;
        }
        this.seen.add(key);
      }
      this.stats.events += 1;
      try {
        const openedMemberId =
          service === 'members' && event.type === 'MemberRegistered'
            ? registeredMemberId(event)
            : null;
        // The posting rules check their entries balance (entryFromEvent) before handing them over.
        const entry = post(event);
        if (openedMemberId) this.openSavings(event.koperasiId, openedMemberId);
        if (entry) entries.push(entry);
      } catch (error) {
        this.reportUnpostable({
          service,
          eventId: event.eventId,
          type: event.type,
          streamId: event.streamId,
          streamVersion: event.streamVersion,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (entries.length === 0) return;
    this.addToRunningSums(entries);
    const postedAt = new Date().toISOString();
    let entryRows = '';
    let lineRows = '';
    for (const entry of entries) {
      const entryId = this.nextEntryId;
      this.lastEntryId = entryId;
      this.nextEntryId += this.entryIdStride;
      const { trace } = entry;
      entryRows += copyRow([
        entryId,
        entry.koperasiId,
        entry.sourceEventId,
        entry.occurredAt,
        entry.description,
        postedAt,
        trace.service,
        trace.eventType,
        trace.streamId,
        trace.streamVersion,
        trace.actor,
        trace.correlationId,
        trace.causationId,
      ]);
      for (let index = 0; index < entry.lines.length; index++) {
        const line = entry.lines[index];
        lineRows += copyRow([
          entryId,
          index + 1,
          entry.koperasiId,
          line.accountCode,
          line.debitRp,
          line.creditRp,
          line.tellerId,
          line.memberId,
          line.fee?.source,
          line.fee?.productCode,
        ]);
      }
      this.stats.lines += entry.lines.length;
    }
    this.stats.entries += entries.length;
    // Into buffers now: off the JS heap, so the thousands of pieces the text was built from die young
    // instead of being copied by every scavenge until the COPY has gone out.
    const entryData = Buffer.from(entryRows, 'utf8');
    const lineData = Buffer.from(lineRows, 'utf8');
    await this.write;
    this.write = (async () => {
      await copyIn(this.client, `COPY journal_entries (${ENTRY_COLUMNS}) FROM STDIN`, entryData);
      await copyIn(this.client, `COPY journal_lines (${LINE_COLUMNS}) FROM STDIN`, lineData);
    })();
    // Surfaced at the next await; an unobserved rejection in between would crash the process.
    this.write.catch(() => undefined);
  }

  reportUnpostable(event: UnpostableEvent): void {
    this.unpostableCount += 1;
    if (this.stats.unpostable.length < MAX_UNPOSTABLE_LISTED) this.stats.unpostable.push(event);
  }

  /** Waits for the last journal rows; then the running sums and the last entry id are final. */
  async flush(): Promise<ProjectedBooks> {
    await this.write;
    return {
      sums: {
        accounts: [...this.accounts.values()],
        savings: [...this.savings.values()],
        cash: [...this.cash.values()],
      },
      lastEntryId: this.lastEntryId,
    };
  }

  private openSavings(koperasiId: string, memberId: string): void {
    const key = `${koperasiId}\u0000${memberId}`;
    if (!this.savings.has(key))
      this.savings.set(key, { koperasiId, memberId, pokokRp: 0, wajibRp: 0, sukarelaRp: 0 });
  }

  /**
   * The running sums by the rules of ledgerDeltas (posting/ledger-deltas.ts: every line to its account,
   * savings lines with a member to the member's sub-ledger, Kas lines with a teller to the teller's drawer
   * of the WIB business day), added straight into the totals of the whole replay; the replay tests hold the
   * two to the same books.
   */
  private addToRunningSums(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      const { koperasiId } = entry;
      let businessDate: string | null = null;
      for (const line of entry.lines) {
        const account = upsert(this.accounts, `${koperasiId}\u0000${line.accountCode}`, () => ({
          koperasiId,
          accountCode: line.accountCode,
          debitRp: 0,
          creditRp: 0,
        }));
        account.debitRp = add(account.debitRp, line.debitRp);
        account.creditRp = add(account.creditRp, line.creditRp);
        const savingsField = SAVINGS_FIELD_BY_ACCOUNT[line.accountCode as StartingAccountCode];
        if (savingsField && line.memberId) {
          const memberId = line.memberId;
          const member = upsert(this.savings, `${koperasiId}\u0000${memberId}`, () => ({
            koperasiId,
            memberId,
            pokokRp: 0,
            wajibRp: 0,
            sukarelaRp: 0,
          }));
          member[savingsField] = add(member[savingsField], line.creditRp - line.debitRp);
        }
        if (line.accountCode === KAS && line.tellerId) {
          const tellerId = line.tellerId;
          businessDate ??= this.businessDate(entry.occurredAt);
          const day = businessDate;
          const drawer = upsert(this.cash, `${koperasiId}\u0000${day}\u0000${tellerId}`, () => ({
            koperasiId,
            businessDate: day,
            tellerId,
            debitRp: 0,
            creditRp: 0,
          }));
          drawer.debitRp = add(drawer.debitRp, line.debitRp);
          drawer.creditRp = add(drawer.creditRp, line.creditRp);
        }
      }
    }
  }

  /** businessDateWib, remembered per UTC date and half of the day: a million entries fall on a few hundred. */
  private businessDate(occurredAt: string): string {
    if (!ISO_UTC.test(occurredAt)) return businessDateWib(occurredAt);
    // 17:00 UTC is midnight WIB: from then on it is the next WIB day.
    const key = occurredAt.slice(0, 10) + (occurredAt.slice(11, 13) >= '17' ? '+' : '');
    let date = this.businessDates.get(key);
    if (date === undefined) {
      date = businessDateWib(occurredAt);
      this.businessDates.set(key, date);
    }
    return date;
  }
}

const KAS: StartingAccountCode = '111000';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** What a projector leaves besides the journal rows it wrote: its running sums and the highest entry id it took. */
export interface ProjectedBooks {
  sums: RunningSums;
  lastEntryId: number;
}

export interface RunningSums {
  accounts: AccountDelta[];
  savings: SavingsDelta[];
  cash: CashDelta[];
}

/** Adds up the running sums of projectors that filled the same tables side by side. */
export function mergeRunningSums(parts: readonly RunningSums[]): RunningSums {
  const accounts = new Map<string, AccountDelta>();
  const savings = new Map<string, SavingsDelta>();
  const cash = new Map<string, CashDelta>();
  for (const part of parts) {
    for (const delta of part.accounts) {
      const row = upsert(accounts, `${delta.koperasiId}\u0000${delta.accountCode}`, () => ({
        ...delta,
        debitRp: 0,
        creditRp: 0,
      }));
      row.debitRp = add(row.debitRp, delta.debitRp);
      row.creditRp = add(row.creditRp, delta.creditRp);
    }
    for (const delta of part.savings) {
      const row = upsert(savings, `${delta.koperasiId}\u0000${delta.memberId}`, () => ({
        ...delta,
        pokokRp: 0,
        wajibRp: 0,
        sukarelaRp: 0,
      }));
      row.pokokRp = add(row.pokokRp, delta.pokokRp);
      row.wajibRp = add(row.wajibRp, delta.wajibRp);
      row.sukarelaRp = add(row.sukarelaRp, delta.sukarelaRp);
    }
    for (const delta of part.cash) {
      const row = upsert(
        cash,
        `${delta.koperasiId}\u0000${delta.businessDate}\u0000${delta.tellerId}`,
        () => ({ ...delta, debitRp: 0, creditRp: 0 }),
      );
      row.debitRp = add(row.debitRp, delta.debitRp);
      row.creditRp = add(row.creditRp, delta.creditRp);
    }
  }
  return {
    accounts: [...accounts.values()],
    savings: [...savings.values()],
    cash: [...cash.values()],
  };
}

/**
 * Writes the running sums once, after the whole journal, and moves the entry id sequence past the ids the
 * projectors took. Savings below zero mean the history withdrew more than was saved: the live ledger would
 * have refused those events, so the replay stops and names the members.
 */
export async function writeRunningSums(
  client: ClientBase,
  sums: RunningSums,
  lastEntryId: number,
): Promise<void> {
  const negative = sums.savings.filter(
    (row) => row.pokokRp < 0 || row.wajibRp < 0 || row.sukarelaRp < 0,
  );
  if (negative.length > 0) {
    const names = negative
      .slice(0, 5)
      .map((row) => `${row.koperasiId}/${row.memberId}`)
      .join(', ');
    throw new Error(
      `the history takes ${negative.length} member(s) below zero savings (${names}); the live ledger would have refused those events`,
    );
  }
  let rows = '';
  for (const row of sums.accounts)
    rows += copyRow([row.koperasiId, row.accountCode, row.debitRp, row.creditRp]);
  await copyIn(
    client,
    'COPY account_balances (koperasi_id, account_code, debit_total_rp, credit_total_rp) FROM STDIN',
    rows,
  );
  rows = '';
  for (const row of sums.savings)
    rows += copyRow([row.koperasiId, row.memberId, row.pokokRp, row.wajibRp, row.sukarelaRp]);
  await copyIn(
    client,
    'COPY member_savings (koperasi_id, member_id, pokok_rp, wajib_rp, sukarela_rp) FROM STDIN',
    rows,
  );
  rows = '';
  for (const row of sums.cash)
    rows += copyRow([row.koperasiId, row.businessDate, row.tellerId, row.debitRp, row.creditRp]);
  await copyIn(
    client,
    'COPY cash_by_teller (koperasi_id, business_date, teller_id, debit_rp, credit_rp) FROM STDIN',
    rows,
  );
  if (lastEntryId > 0)
    await client.query(`SELECT setval(pg_get_serial_sequence('journal_entries', 'id'), $1)`, [
      lastEntryId,
    ]);
}

function registeredMemberId(event: EventEnvelope): string {
  const memberId = (event.data as { memberId?: unknown } | null)?.memberId;
  if (typeof memberId !== 'string' || memberId === '')
    throw new Error(`MemberRegistered ${event.eventId} has no memberId`);
  return memberId;
}

function upsert<T>(rows: Map<string, T>, key: string, create: () => T): T {
  let row = rows.get(key);
  if (!row) {
    row = create();
    rows.set(key, row);
  }
  return row;
}

function add(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new Error(`Rupiah sum ${a} + ${b} is beyond exact integer range`);
  return sum;
}
