import { CUSTOMER_NO_RULES as BILLPAY_RULES } from '../../../../billpay/src/domain/customer-no-rule';
import { CUSTOMER_NO_RULES, customerNoProblem } from './customer-no-rules';

describe('the counter checks customer numbers by the rules billpay checks', () => {
  it('has exactly billpay rules, pattern for pattern', () => {
    expect(Object.keys(CUSTOMER_NO_RULES).sort()).toEqual(Object.keys(BILLPAY_RULES).sort());
    for (const rule of Object.keys(BILLPAY_RULES) as (keyof typeof BILLPAY_RULES)[]) {
      expect({ rule, pattern: CUSTOMER_NO_RULES[rule].pattern.source }).toEqual({
        rule,
        pattern: BILLPAY_RULES[rule].pattern.source,
      });
    }
  });

  it.each([
    ['PLN_METER', '14012345678', null],
    ['PLN_METER', '1401234567', 'ppob.rule.PLN_METER'],
    ['PLN_METER', '140123456789', 'ppob.rule.PLN_METER'],
    ['PLN_IDPEL', '5123 4567 8901', null],
    ['PHONE', '0812-3456-7890', null],
    ['PHONE', '0712345678', 'ppob.rule.PHONE'],
    ['BPJS', '8888801234567890', null],
    ['BPJS', '1234567890123456', 'ppob.rule.BPJS'],
    ['PDAM', '20012345a7', 'ppob.rule.PDAM'],
    ['PDAM', '', 'ppob.customerNoRequired'],
  ])('%s %p when sent: %p', (rule, typed, problem) => {
    expect(customerNoProblem(rule, typed, true)).toBe(problem);
  });

  it('does not call a number wrong while it is only short, but at once when it cannot become right', () => {
    expect(customerNoProblem('PLN_METER', '1401', false)).toBeNull();
    expect(customerNoProblem('PHONE', '07', false)).toBe('ppob.rule.PHONE');
    expect(customerNoProblem('PHONE', '0', false)).toBeNull();
    expect(customerNoProblem('PLN_METER', '1401x', false)).toBe('ppob.rule.PLN_METER');
    expect(customerNoProblem('BPJS', '8887', false)).toBe('ppob.rule.BPJS');
  });
});
