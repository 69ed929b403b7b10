import type { MigrationClass } from '@koperasi/database';
import { GatewayAuditScope1790000001600 } from './gateway-audit-scope.migration.js';
import { GatewayCounter1790000001700 } from './gateway-counter.migration.js';
import { GatewayCashDrawer1790000001950 } from '../cash-drawer/cash-drawer-gate.migration.js';
import { GatewayLoginThrottle1790000001800 } from './gateway-login-throttle.migration.js';
import { GatewaySchema1790000001000 } from './gateway-schema.migration.js';
import { GatewaySessions1790000002300 } from './gateway-sessions.migration.js';
import { GatewayIdempotencyLease1790000002400 } from './gateway-idempotency-lease.migration.js';
import { GatewayDailyRecapReceipts1790000002500 } from '../counter/recap/daily-recap-receipts.migration.js';

/** Every gateway migration in order; main and the tests run the same list. */
export const gatewayMigrations: MigrationClass[] = [
  GatewaySchema1790000001000,
  GatewayAuditScope1790000001600,
  GatewayCounter1790000001700,
  GatewayLoginThrottle1790000001800,
  GatewayCashDrawer1790000001950,
  GatewaySessions1790000002300,
  GatewayIdempotencyLease1790000002400,
  GatewayDailyRecapReceipts1790000002500,
];
