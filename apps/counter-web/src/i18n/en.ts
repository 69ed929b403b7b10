import type { MessageKey } from './id';

/** English, for staff who prefer it; a test checks it has exactly the keys of id.ts. */
export const en: Record<MessageKey, string> = {
  // --- app shell ---
  'app.title': 'Koperasi Counter',
  'app.skipToContent': 'Skip to content',
  'app.language': 'Language',
  'app.logout': 'Log out',
  'app.menu': 'Menu',
  'app.loading': 'Loading…',
  'app.back': 'Back',
  'app.retry': 'Try again',
  'app.notFound': 'Page not found.',
  'app.loggedInAs': 'Signed in as {name} ({role})',
  'app.role.teller': 'Teller',
  'app.role.supervisor': 'Supervisor',
  'app.role.auditor': 'Auditor',
  'app.role.admin': 'Admin',
  'nav.home': 'Home',
  'nav.members': 'Members',
  'nav.savings': 'Savings',
  'nav.ppob': 'Bill payments',
  'nav.installments': 'Installments',
  'nav.today': "Today's transactions",
  'nav.printerTest': 'Printer test',
  'nav.supervisor': 'Supervisor',
  'nav.refunds': 'Refunds',
  'nav.deposit': 'PPOB deposit',
  'nav.remittances': 'Bank remittance',
  'nav.tellers': 'New teller',
  'nav.forbidden': 'This page is for supervisors only.',

  // --- login ---
  'login.title': 'Sign in',
  'login.subtitle': 'Koperasi Merah Putih counter',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Checking…',
  'login.usernameRequired': 'Enter your username.',
  'login.passwordRequired': 'Enter your password.',
  'login.invalid': 'Wrong username or password.',
  'login.expired': 'Your session has ended. Please sign in again; anything not yet sent is kept.',
  'login.notForCounter': 'This account is not a koperasi teller or supervisor account.',

  // --- common ---
  'common.rupiah': 'Rp',
  'common.amount': 'Amount',
  'common.total': 'Total',
  'common.confirm': 'Confirm',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.next': 'Next',
  'common.print': 'Print',
  'common.close': 'Close',
  'common.search': 'Search',
  'common.none': 'None yet.',
  'common.status.SUCCESS': 'Successful',
  'common.status.PENDING': 'In progress',
  'common.status.PROCESSING': 'In progress',
  'common.status.FAILED': 'Failed',
  'common.required': 'Required.',
  'common.amountInvalid': 'Enter an amount in whole rupiah.',
  'common.amountPositive': 'The amount must be more than Rp 0.',

  // --- receipts ---
  'receipt.print': 'Print receipt',
  'receipt.reprint': 'Reprint',
  'receipt.printing': 'Preparing the receipt…',
  'receipt.original': 'Original (CA)',
  'receipt.copy': 'Reprint (CU)',
  'receipt.title': 'Receipt',

  // --- errors from the API ---
  'error.generic': 'The request was refused. Check the form and try again.',
  'error.network': 'The connection dropped. The outcome is not known yet.',
  'error.unknownOutcome': 'The outcome is not known yet. Check again; do not repeat the payment.',
  'error.checkAgain': 'Check again',
  'error.server': 'The service has a problem. Try again in a moment.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.notFound': 'Not found.',
  'error.sessionExpired': 'Session ended. Please sign in again.',
  'error.VALIDATION_FAILED': 'Some fields are not right yet.',

  // --- home ---
  // (home keys above this line)

  // --- members ---
  // (members keys above this line)

  // --- savings ---
  // (savings keys above this line)

  // --- ppob ---
  // (ppob keys above this line)

  // --- installments ---
  // (installments keys above this line)

  // --- today ---
  // (today keys above this line)

  // --- printer ---
  // (printer keys above this line)

  // --- supervisor ---
  // (supervisor keys above this line)
};
