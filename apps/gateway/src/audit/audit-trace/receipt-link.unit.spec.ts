import { receiptLinkOf } from './receipt-link.js';

describe('receiptLinkOf', () => {
  it('points a savings movement at its line in the member statement', () => {
    expect(
      receiptLinkOf({
        service: 'members',
        streamId: 'member-m1',
        eventId: 'e1',
        data: { amountRp: 5000 },
      }),
    ).toEqual({
      kind: 'member-savings-statement-line',
      href: '/api/v1/members/m1/statement',
      id: 'e1',
    });
  });

  it('points a bill payment at its payment receipt and an installment at its collection receipt', () => {
    expect(
      receiptLinkOf({
        service: 'billpay',
        streamId: 'payment-p1',
        eventId: 'e2',
        data: { paymentId: 'p1' },
      })?.href,
    ).toBe('/api/v1/billpay/payments/p1/receipt');
    expect(
      receiptLinkOf({
        service: 'loans',
        streamId: 'collection-c1',
        eventId: 'e3',
        data: { collectionId: 'c1' },
      })?.href,
    ).toBe('/api/v1/loans/installments/c1/receipt');
  });

  it('has none for events without counter paper', () => {
    expect(
      receiptLinkOf({ service: 'members', streamId: 'koperasi-k1', eventId: 'e4', data: {} }),
    ).toBeNull();
    expect(
      receiptLinkOf({
        service: 'loans',
        streamId: 'remittance-r1',
        eventId: 'e5',
        data: { remittanceId: 'r1' },
      }),
    ).toBeNull();
  });
});
