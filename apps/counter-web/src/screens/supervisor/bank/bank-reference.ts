/** The API's rule for a bank slip or transfer reference: letters, digits, spaces and . / _ -, at most 40. */
export const BANK_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/;
