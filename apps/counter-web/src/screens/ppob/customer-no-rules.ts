import type { MessageKey } from '../../i18n/i18n';

/**
 * The customer-number rules billpay checks (apps/billpay/src/domain/customer-no-rule.ts), by the name the
 * products answer carries in `customerNoRule`; customer-no-rules.unit.spec.ts keeps the two the same.
 */
export const CUSTOMER_NO_RULES = {
  PLN_METER: { pattern: /^\d{11}$/, message: 'ppob.rule.PLN_METER', digits: 11 },
  PLN_IDPEL: { pattern: /^\d{12}$/, message: 'ppob.rule.PLN_IDPEL', digits: 12 },
  PDAM: { pattern: /^\d{10}$/, message: 'ppob.rule.PDAM', digits: 10 },
  BPJS: { pattern: /^88888\d{11}$/, message: 'ppob.rule.BPJS', digits: 16 },
  PHONE: { pattern: /^08\d{8,11}$/, message: 'ppob.rule.PHONE', digits: 13 },
} as const satisfies Record<string, { pattern: RegExp; message: MessageKey; digits: number }>;

export type CustomerNoRule = keyof typeof CUSTOMER_NO_RULES;

export function isCustomerNoRule(rule: string): rule is CustomerNoRule {
  return Object.prototype.hasOwnProperty.call(CUSTOMER_NO_RULES, rule);
}

/** What the teller typed, as the number is sent: spaces, dashes and dots people write between digits left out. */
export function normaliseCustomerNo(typed: string): string {
  return typed.replace(/[\s.-]/g, '');
}

/**
 * The rule's message when the number breaks it. While the teller is still typing (`complete` false) a number
 * that is merely short is not yet wrong; anything that cannot become right is said at once.
 */
export function customerNoProblem(
  rule: string,
  typed: string,
  complete: boolean,
): MessageKey | null {
  const number = normaliseCustomerNo(typed);
  if (number === '') return complete ? 'ppob.customerNoRequired' : null;
  if (!isCustomerNoRule(rule)) return null; // A rule this app does not know: billpay still checks it.
  const { pattern, message, digits } = CUSTOMER_NO_RULES[rule];
  if (pattern.test(number)) return null;
  if (!/^\d+$/.test(number) || number.length > digits) return message;
  if (rule === 'PHONE' && !'08'.startsWith(number.slice(0, 2))) return message;
  if (rule === 'BPJS' && !'88888'.startsWith(number.slice(0, 5))) return message;
  return complete ? message : null;
}
