import { Module } from '@nestjs/common';
import { AuditEntriesController } from './audit-entries.controller.js';

/**
 * The ledger's internal audit endpoints (journal with traces, books check, replay jobs). Needs LedgerModule's
 * global providers (the pool, the options the token guard reads); wired with one line in its imports.
 */
@Module({ controllers: [AuditEntriesController] })
export class LedgerAuditModule {}
