export * from './chart-of-accounts.js';
export * from './journal-entry.js';
export * from './post-member-event.js';
export * from './post-billpay-event.js';
export * from './post-loan-event.js';
export * from './business-date.js';
export * from './savings-accounts.js';
