/**
 * partner-sim's deterministic customers, for tests anywhere in the suite. Any other well-formed customer
 * number is valid too, with a bill and a name derived from the number.
 */
export const TEST_CUSTOMERS = {
  plnPrepaid: {
    productCodes: ['PLN20', 'PLN50', 'PLN100'],
    valid: {
      customerNo: '14012345678',
      customerName: 'BUDI SANTOSO',
      segmentPower: 'R1/1300VA',
      subscriberId: '523010012345',
    },
    unknown: '14000000000',
  },
  plnPostpaid: {
    productCode: 'PLNPOST',
    valid: {
      customerNo: '512345678901',
      customerName: 'SITI AMINAH',
      period: '202611',
      segmentPower: 'R1/1300VA',
      billRp: 300_000,
      penaltyRp: 0,
      adminRp: 2_500,
      priceRp: 301_800,
    },
    /** Paid late: a denda on top of the bill, in the price and in the total. */
    withPenalty: {
      customerNo: '512345678902',
      customerName: 'RUDI HARTONO',
      period: '202610',
      segmentPower: 'R1/900VA',
      billRp: 250_000,
      penaltyRp: 5_000,
      adminRp: 2_500,
      priceRp: 256_800,
    },
    unknown: '512300000000',
    billNotYetAvailable: '512360000000',
    alreadyPaid: '512350000000',
  },
  pdam: {
    productCode: 'PDAM',
    valid: {
      customerNo: '2001234567',
      customerName: 'AHMAD YANI',
      period: '202611',
      billRp: 85_000,
      penaltyRp: 0,
      adminRp: 2_500,
      priceRp: 86_700,
    },
    withPenalty: {
      customerNo: '2001234568',
      customerName: 'SRI WAHYUNI',
      period: '202610',
      billRp: 120_000,
      penaltyRp: 10_000,
      adminRp: 2_500,
      priceRp: 131_800,
    },
    unknown: '2000000000',
    billNotYetAvailable: '2060000000',
    alreadyPaid: '2050000000',
  },
  bpjsKesehatan: {
    productCode: 'BPJSKES',
    valid: {
      customerNo: '8888801234567890',
      customerName: 'DEWI LESTARI',
      period: '202611',
      billRp: 105_000,
      penaltyRp: 0,
      adminRp: 2_500,
      priceRp: 106_800,
    },
    unknown: '8888800000000000',
    billNotYetAvailable: '8888860000000000',
    alreadyPaid: '8888850000000000',
  },
  telco: {
    productCodes: ['TSEL10', 'TSEL25'],
    valid: '081234567890',
    unknown: '080000000000',
  },
} as const;

export type TestCustomers = typeof TEST_CUSTOMERS;
