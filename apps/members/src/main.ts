import type { INestApplication } from '@nestjs/common';
import { Topics } from '@koperasi/contracts';
import { DeciderCommandHandler, startEventSourcedService } from '@koperasi/service-kit';
import { MEMBER_COMMANDS } from './commands/member-commands.provider.js';
import { membersMigrations } from './infrastructure/members-migrations.js';
import { readMembersConfig } from './infrastructure/members-config.js';
import { MembersModule } from './members.module.js';

startEventSourcedService({
  name: 'members',
  config: { ...readMembersConfig(), eventsTopic: Topics.membersEvents },
  migrations: membersMigrations,
  module: (config) => MembersModule.forRoot(config),
  batchHandlers: (app: INestApplication) => {
    const members = app.get<DeciderCommandHandler<unknown, unknown, never>>(MEMBER_COMMANDS);
    return [{ topics: members.topics, handler: members.handle }];
  },
});
