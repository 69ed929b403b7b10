import { presentProduct } from './billpay.responses.js';

describe('presentProduct', () => {
  it('names the customer-number rule billpay checks, so the counter can check the same one as it is typed', () => {
    const product = presentProduct({
      code: 'PLN20',
      name: 'PLN Token 20.000',
      kind: 'PREPAID',
      biller: 'PLN',
      customerNoRule: 'PLN_METER',
      customerNoFormat: 'a PLN meter number is 11 digits',
      denominationRp: 20_000,
      adminFeeRp: 2_500,
      totalAmountRp: 22_500,
    });
    expect(product).toEqual({
      code: 'PLN20',
      name: 'PLN Token 20.000',
      kind: 'PREPAID',
      biller: 'PLN',
      customerNoRule: 'PLN_METER',
      customerNoFormat: 'a PLN meter number is 11 digits',
      denomination: 20_000,
      adminFee: 2_500,
      totalAmount: 22_500,
    });
  });
});
