import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { PlatformModule, type ReadinessCheck } from '@koperasi/platform';
import { AdminController } from './admin/admin.controller.js';
import { AggregatorAdminController } from './aggregator/aggregator-admin.controller.js';
import { AggregatorSimulator } from './aggregator/aggregator-simulator.js';
import { AggregatorController } from './aggregator/aggregator.controller.js';
import { CallbackSender } from './aggregator/callback-sender.js';
import { BankAdminController } from './bank/bank-admin.controller.js';
import { BankSimulator } from './bank/bank-simulator.js';
import { BankController } from './bank/bank.controller.js';
import { SimTimers } from './common/sim-timers.js';
import { PARTNER_SIM_OPTIONS, type PartnerSimOptions } from './partner-sim-options.js';
import { RequestLog } from './request-log/request-log.js';
import { RequestLogMiddleware } from './request-log/request-log.middleware.js';

/** The PPOB aggregator and the bank, simulated in memory: the suite's external partners. */
@Module({})
export class PartnerSimModule implements NestModule {
  static forRoot(options: PartnerSimOptions): DynamicModule {
    return {
      module: PartnerSimModule,
      // In-memory state only: ready as soon as it listens.
      imports: [PlatformModule.forRoot({ useFactory: (): ReadinessCheck[] => [] })],
      controllers: [
        AggregatorController,
        AggregatorAdminController,
        BankController,
        BankAdminController,
        AdminController,
      ],
      providers: [
        { provide: PARTNER_SIM_OPTIONS, useValue: options },
        SimTimers,
        RequestLog,
        CallbackSender,
        AggregatorSimulator,
        BankSimulator,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes(AggregatorController, BankController);
  }
}
