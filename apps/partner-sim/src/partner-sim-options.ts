import type { WibWindow } from './aggregator/aggregator-faults.js';

export interface PartnerSimOptions {
  aggregatorUsername: string;
  aggregatorApiKey: string;
  aggregatorCallbackSecret: string;
  aggregatorCallbackUrl: string;
  bankApiKey: string;
  /** The PLN cut-off window a reset returns to; null for none. */
  plnCutOffWib: WibWindow | null;
}

export const PARTNER_SIM_OPTIONS = Symbol('PARTNER_SIM_OPTIONS');
