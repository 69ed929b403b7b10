/** How a biller numbers its customers; the counter is told the rule when a number does not follow it. */
export const CUSTOMER_NO_RULES = {
  PLN_METER: { pattern: /^\d{11}$/, description: 'a PLN meter number is 11 digits' },
  PLN_IDPEL: { pattern: /^\d{12}$/, description: 'a PLN customer id (IDPEL) is 12 digits' },
  PDAM: { pattern: /^\d{10}$/, description: 'a PDAM customer number is 10 digits' },
  BPJS: {
    pattern: /^88888\d{11}$/,
    description: 'a BPJS Kesehatan number is 16 digits starting 88888',
  },
  PHONE: {
    pattern: /^08\d{8,11}$/,
    description: 'a phone number is 08 followed by 8 to 11 digits',
  },
} as const;

export type CustomerNoRule = keyof typeof CUSTOMER_NO_RULES;

export function isCustomerNoRule(value: string): value is CustomerNoRule {
  return Object.hasOwn(CUSTOMER_NO_RULES, value);
}

/** Null when `customerNo` follows `rule`, else the rule's description. */
export function customerNoProblem(rule: CustomerNoRule, customerNo: unknown): string | null {
  const { pattern, description } = CUSTOMER_NO_RULES[rule];
  return typeof customerNo === 'string' && pattern.test(customerNo) ? null : description;
}
