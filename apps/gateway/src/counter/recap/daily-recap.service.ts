import { Injectable } from '@nestjs/common';
import type { ExpectedCash } from '@koperasi/contracts';
import { UsersRepository } from '../../auth/users.repository.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { LoansQueries } from '../../queries/loans-queries.js';
import { LedgerQueries, MembersQueries } from '../../queries/query-clients.js';
import { buildDailyRecap, type DailyRecap } from './daily-recap.js';

/** A koperasi has a handful of tellers; the drawers read per teller are bounded all the same. */
const MAX_TELLERS = 100;
/** The read models' list limits: a list this long may have left some of the day out. */
const MAX_PAYMENTS_LISTED = 500;
const MAX_MOVEMENTS_LISTED = 2000;

/** Whose recap: one teller's own, or the koperasi's (every teller and the total). */
export type RecapScope = { tellerId: string } | 'koperasi';

/**
 * Reads a WIB day's transactions from the read models the teller's Beranda reads (savings movements, PPOB
 * payments, installment collections), so the recap agrees with it, and the refunds paid out from the
 * drawers as the ledger booked them (no read model dates a refund's payment).
 */
@Injectable()
export class DailyRecapService {
  constructor(
    private readonly members: MembersQueries,
    private readonly billpay: BillpayQueries,
    private readonly loans: LoansQueries,
    private readonly ledger: LedgerQueries,
    private readonly users: UsersRepository,
  ) {}

  async recap(koperasiId: string, date: string, scope: RecapScope): Promise<DailyRecap> {
    const own = scope === 'koperasi' ? undefined : scope.tellerId;
    const [movements, payments, collections, cash] = await Promise.all([
      this.members.savingsMovements(koperasiId, { date, tellerId: own }),
      this.billpay.payments(koperasiId, { date }),
      this.loans.collections(koperasiId, { date }),
      own === undefined ? this.ledger.cashByTeller(koperasiId, date) : Promise.resolve([]),
    ]);
    const mine = <T extends { tellerId: string | null }>(rows: T[]) =>
      own === undefined ? rows : rows.filter((row) => row.tellerId === own);
    const ownPayments = mine(payments);
    const ownCollections = mine(collections.collections);
    const tellerIds =
      own === undefined
        ? [
            ...new Set([
              ...cash.map((row) => row.tellerId),
              ...ownPayments.map((row) => row.tellerId),
              ...ownCollections.map((row) => row.tellerId),
              ...movements.flatMap((row) => (row.tellerId === null ? [] : [row.tellerId])),
            ]),
          ].slice(0, MAX_TELLERS)
        : [own];
    const [drawers, names] = await Promise.all([
      Promise.all(
        tellerIds.map(async (tellerId): Promise<[string, ExpectedCash]> => [
          tellerId,
          await this.ledger.drawerCash(koperasiId, tellerId, date),
        ]),
      ),
      this.users.fullNames(tellerIds),
    ]);
    return buildDailyRecap({
      date,
      movements,
      payments: ownPayments,
      collections: ownCollections,
      drawers: new Map(drawers),
      names,
      truncated:
        collections.truncated ||
        payments.length >= MAX_PAYMENTS_LISTED ||
        movements.length >= MAX_MOVEMENTS_LISTED,
      withKoperasi: own === undefined,
    });
  }
}
