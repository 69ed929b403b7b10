import { HttpStatus } from '@nestjs/common';
import { AggregatorRc } from '@koperasi/contracts';
import { BillpayHttpError } from '../infrastructure/billpay-error.js';

/** What the counter is told when the aggregator refuses an inquiry, by result code. */
const INQUIRY_REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  [AggregatorRc.wrongCustomerNo]: {
    status: 422,
    code: 'CUSTOMER_NOT_FOUND',
    message: 'The biller does not know this customer number; check it with the customer',
  },
  [AggregatorRc.billNotYetAvailable]: {
    status: 422,
    code: 'BILL_NOT_YET_AVAILABLE',
    message: "This period's bill is not available yet; try again later",
  },
  [AggregatorRc.alreadyPaid]: {
    status: 422,
    code: 'BILL_ALREADY_PAID',
    message: 'This bill is already paid',
  },
  [AggregatorRc.plnCutOff]: {
    status: 422,
    code: 'PLN_CUT_OFF',
    message: 'PLN takes no payments between 23:00 and 01:00 WIB; try again after 01:00',
  },
  [AggregatorRc.billExpired]: {
    status: 422,
    code: 'BILL_EXPIRED',
    message: 'The bill has expired at the biller',
  },
  [AggregatorRc.unknownProduct]: {
    status: 422,
    code: 'PRODUCT_NOT_AVAILABLE',
    message: 'The aggregator does not offer this product now',
  },
};

export function inquiryRefusal(rc: string, aggregatorMessage: string): BillpayHttpError {
  const known = INQUIRY_REFUSALS[rc];
  if (known)
    return new BillpayHttpError(known.status, known.code, known.message, { rc, aggregatorMessage });
  if (rc === AggregatorRc.invalidSignature) {
    return new BillpayHttpError(
      HttpStatus.BAD_GATEWAY,
      'AGGREGATOR_REFUSED',
      'The aggregator refused our credentials; tell the administrator',
      { rc },
    );
  }
  return aggregatorUnavailable(`rc ${rc}: ${aggregatorMessage}`);
}

export function aggregatorUnavailable(detail: string): BillpayHttpError {
  return new BillpayHttpError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'AGGREGATOR_UNAVAILABLE',
    'The bill aggregator did not answer properly; try again in a moment',
    { detail },
  );
}
