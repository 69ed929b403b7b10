import { Module } from '@nestjs/common';
import { AuditEntriesController } from './audit-entries.controller.js';
import { REPLAY_STORES, ReplayJobs } from './replay-jobs.js';
import { ReplayJobsController } from './replay-jobs.controller.js';
import { replayStoresFromEnv } from './replay-sources.js';
import { ShuController } from '../shu/shu.controller.js';

/**
 * The ledger's internal audit endpoints (journal with traces, books check, replay jobs, SHU: they read the services' stores). Needs LedgerModule's
 * global providers (the pool, the options the token guard reads); wired with one line in its imports.
 */
@Module({
  controllers: [AuditEntriesController, ReplayJobsController, ShuController],
  providers: [ReplayJobs, { provide: REPLAY_STORES, useFactory: () => replayStoresFromEnv() }],
})
export class LedgerAuditModule {}
