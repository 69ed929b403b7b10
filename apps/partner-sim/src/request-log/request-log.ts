import { Injectable } from '@nestjs/common';

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  ref_id: string | null;
  customer_no: string | null;
  product_code: string | null;
  loan_no: string | null;
  reference: string | null;
  batch_ref: string | null;
}

export interface RequestLogFilter {
  path?: string;
  refId?: string;
  customerNo?: string;
  loanNo?: string;
  reference?: string;
  /** ISO instant; entries at or after it. */
  sinceIso?: string;
  limit: number;
}

/** The most requests kept: a 60 s benchmark at a few thousand requests per second fits. */
export const REQUEST_LOG_CAPACITY = 500_000;

/** Every partner request received, oldest first, so tests can count the calls that reached the partner. */
@Injectable()
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private start = 0;
  private nextSeq = 1;

  record(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ seq: this.nextSeq++, ...entry });
    // Dropping in chunks keeps the ring cheap: one splice per many thousand requests.
    if (this.entries.length - this.start > REQUEST_LOG_CAPACITY) this.start += 1;
    if (this.start >= 50_000) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }

  find(filter: RequestLogFilter): { total: number; requests: LoggedRequest[] } {
    const requests: LoggedRequest[] = [];
    let total = 0;
    for (let i = this.start; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (filter.path !== undefined && entry.path !== filter.path) continue;
      if (filter.refId !== undefined && entry.ref_id !== filter.refId) continue;
      if (filter.customerNo !== undefined && entry.customer_no !== filter.customerNo) continue;
      if (filter.loanNo !== undefined && entry.loan_no !== filter.loanNo) continue;
      if (filter.reference !== undefined && entry.reference !== filter.reference) continue;
      if (filter.sinceIso !== undefined && entry.at < filter.sinceIso) continue;
      total += 1;
      if (requests.length < filter.limit) requests.push(entry);
    }
    return { total, requests };
  }

  clear(): void {
    this.entries = [];
    this.start = 0;
  }
}
