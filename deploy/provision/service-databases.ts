/** One database per service; no service reads another's tables. Each service migrates its own at start. */
export const SERVICE_DATABASES = [
  'koperasi_gateway',
  'koperasi_members',
  'koperasi_billpay',
  'koperasi_loans',
  'koperasi_ledger',
] as const;
