export * from './receipt-layout.js';
