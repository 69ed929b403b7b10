import { Topics } from '@koperasi/contracts';
import { startEventSourcedService } from '@koperasi/service-kit';
import { membersMigrations } from './infrastructure/members-migrations.js';
import { readMembersConfig } from './infrastructure/members-config.js';
import { membersCommandTable } from './members-command-table.js';
import { MembersModule } from './members.module.js';

startEventSourcedService({
  name: 'members',
  config: { ...readMembersConfig(), eventsTopic: Topics.membersEvents },
  migrations: membersMigrations,
  module: (config) => MembersModule.forRoot(config),
  commandTable: membersCommandTable,
});
