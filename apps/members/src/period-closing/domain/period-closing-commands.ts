export interface ClosePeriod {
  type: 'ClosePeriod';
  /** YYYY-MM, as the supervisor wrote it. */
  month: string;
  closedBy: string;
  closedByName: string;
  /** WIB, as nowInWib writes it: the month it falls in is the last one that may be closed. */
  now: string;
}
