export interface TellerCashView {
  tellerId: string;
  /** Cash taken into the drawer. */
  debitRp: number;
  /** Cash paid out of the drawer. */
  creditRp: number;
  netRp: number;
}
