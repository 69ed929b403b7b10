export type PeriodClosingErrorCode =
  'INVALID_MONTH' | 'MONTH_NOT_BEGUN' | 'MONTH_ALREADY_CLOSED' | 'MONTH_OUT_OF_ORDER';
