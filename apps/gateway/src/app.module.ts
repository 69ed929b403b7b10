import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PlatformModule } from '@koperasi/platform';
import type pg from 'pg';
import { AuditEventReader } from './audit/audit-event-reader.js';
import { AuditEntriesController } from './audit/audit-entries/audit-entries.controller.js';
import { AuditEventsController } from './audit/audit-events/audit-events.controller.js';
import { AuditKoperasiController } from './audit/audit-koperasi/audit-koperasi.controller.js';
import { AuditOpenItemsController } from './audit/audit-open-items/audit-open-items.controller.js';
import { AuditTrialBalanceController } from './audit/audit-trial-balance/audit-trial-balance.controller.js';
import { AuditExportController } from './audit/audit-export/audit-export.controller.js';
import { AuditReplaysController } from './audit/audit-replays/audit-replays.controller.js';
import { AuditScopeGuard } from './audit/audit-scope.guard.js';
import { AuditStreamsController } from './audit/audit-streams/audit-streams.controller.js';
import { AuditTraceController } from './audit/audit-trace/audit-trace.controller.js';
import { CommandOrigins } from './audit/audit-trace/command-origins.js';
import { AuditVerifyController } from './audit/audit-verify/audit-verify.controller.js';
import { AccessTokenService } from './auth/access-token.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { LoginAttemptsRepository } from './auth/login/login-attempts.repository.js';
import { LoginRecordsController } from './auth/login/login-records.controller.js';
import { LoginRecordsPruner } from './auth/login/login-records-pruner.js';
import { LoginThrottle } from './auth/login/login-throttle.js';
import { LoginController } from './auth/login/login.controller.js';
import { LoginService } from './auth/login/login.service.js';
import { ChangePasswordController } from './auth/password/change-password.controller.js';
import { SessionCheck } from './auth/session/session-check.js';
import { SessionController } from './auth/session/session.controller.js';
import { SessionService } from './auth/session/session.service.js';
import { SessionsRepository } from './auth/session/sessions.repository.js';
import { UnlockLoginController } from './auth/unlock/unlock-login.controller.js';
import { UsersRepository } from './auth/users.repository.js';
import { BillpayCallbacksController } from './billpay/callbacks/callbacks.controller.js';
import { BillpayDepositController } from './billpay/deposit/deposit.controller.js';
import { BillpayInquiriesController } from './billpay/inquiries/inquiries.controller.js';
import { PayBillController } from './billpay/payments/pay-bill.controller.js';
import { ReadPaymentsController } from './billpay/payments/read-payments.controller.js';
import { BillpayProductsController } from './billpay/products/products.controller.js';
import { RefundPaymentController } from './billpay/refunds/refund-payment.controller.js';
import { CommandRunner } from './commands/command-runner.js';
import { COMMAND_SENDER, type CommandSender } from './commands/command-sender.js';
import { KafkaCommandSender } from './commands/kafka-command-sender.js';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config.js';
import { PG_POOL } from './database/pg-pool.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { TrustedProxies } from './http/client-address.js';
import { createValidationPipe } from './http/validation.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ReadKoperasiController } from './koperasi/read-koperasi/read-koperasi.controller.js';
import { RegisterKoperasiController } from './koperasi/register-koperasi/register-koperasi.controller.js';
import { LedgerReportsController } from './ledger/ledger-reports/ledger-reports.controller.js';
import { StatementsController } from './ledger/statements/statements.controller.js';
import { PeriodClosingsController } from './ledger/period-closings/period-closings.controller.js';
import { ShuController } from './shu/shu.controller.js';
import { LoanAgreementsController } from './loans/agreements/agreements.controller.js';
import { LoanCollectionsController } from './loans/collections/collections.controller.js';
import { RefusedCollectionsController } from './loans/refused/refused-collections.controller.js';
import { CollectInstallmentController } from './loans/installments/collect-installment.controller.js';
import { LoanAccountsController } from './loans/loan-accounts/loan-accounts.controller.js';
import { InstallmentReceiptController } from './loans/receipts/installment-receipt.controller.js';
import { LoanRemittancesController } from './loans/remittances/remittances.controller.js';
import { MemberSavingsController } from './members/member-savings/member-savings.controller.js';
import { ReadMembersController } from './members/read-members/read-members.controller.js';
import { RegisterMemberController } from './members/register-member/register-member.controller.js';
import { ResignMemberController } from './members/resign-member/resign-member.controller.js';
import { LoansQueries } from './queries/loans-queries.js';
import { BillpayQueries } from './queries/billpay-queries.js';
import { AuditQueries } from './queries/audit-queries.js';
import { LedgerQueries, MembersQueries } from './queries/query-clients.js';
import { CreateUserController } from './users/create-user/create-user.controller.js';
import { UserAccessController } from './users/user-access/user-access.controller.js';
import { CounterTodayController } from './counter/today/counter-today.controller.js';
import { DailyRecapController } from './counter/recap/daily-recap.controller.js';
import { DailyRecapService } from './counter/recap/daily-recap.service.js';
import { BankController } from './bank/bank.controller.js';
import { CashDrawerController } from './cash-drawer/cash-drawer.controller.js';
import { CashDrawersController } from './cash-drawer/cash-drawers.controller.js';
import { CashDrawerGate } from './cash-drawer/cash-drawer-gate.js';
import { ReceiptLinesService } from './receipts/receipt-lines.service.js';
import { ReceiptPrintsController } from './receipts/receipt-prints.controller.js';
import { ReceiptPrintsRepository } from './receipts/receipt-prints.repository.js';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  pool: pg.Pool;
  /** Closed on shutdown when the module owns it (main); tests keep theirs. */
  ownsPool: boolean;
  /** Tests pass a stub; otherwise commands go over Kafka. */
  commandSender?: CommandSender;
}

class PoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly owns: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.owns) await this.pool.end();
  }
}

/** Config, database and command transport, shared with PlatformModule's readiness checks. */
@Global()
@Module({})
class GatewayInfrastructureModule {
  static register(options: GatewayModuleOptions): DynamicModule {
    const sender: Provider = options.commandSender
      ? { provide: COMMAND_SENDER, useValue: options.commandSender }
      : { provide: COMMAND_SENDER, useExisting: KafkaCommandSender };
    return {
      module: GatewayInfrastructureModule,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: options.config },
        { provide: PG_POOL, useValue: options.pool },
        {
          provide: PoolCloser,
          useFactory: (pool: pg.Pool) => new PoolCloser(pool, options.ownsPool),
          inject: [PG_POOL],
        },
        ...(options.commandSender ? [] : [KafkaCommandSender]),
        sender,
      ],
      exports: [GATEWAY_CONFIG, PG_POOL, COMMAND_SENDER],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: GatewayModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayInfrastructureModule.register(options),
        JwtModule.register({}),
        PlatformModule.forRoot({
          inject: [PG_POOL, COMMAND_SENDER],
          useFactory: (pool: pg.Pool, sender: CommandSender) => [
            { name: 'database', check: async () => (await pool.query('SELECT 1')).rowCount === 1 },
            { name: 'kafka-replies', check: () => sender.isReady() },
          ],
        }),
      ],
      controllers: [
        LoginController,
        SessionController,
        ChangePasswordController,
        UnlockLoginController,
        LoginRecordsController,
        CreateUserController,
        UserAccessController,
        RegisterKoperasiController,
        ReadKoperasiController,
        RegisterMemberController,
        ReadMembersController,
        MemberSavingsController,
        ResignMemberController,
        LedgerReportsController,
        StatementsController,
        PeriodClosingsController,
        AuditEntriesController,
        ShuController,
        AuditEventsController,
        AuditKoperasiController,
        AuditOpenItemsController,
        AuditTrialBalanceController,
        AuditStreamsController,
        AuditTraceController,
        AuditVerifyController,
        AuditExportController,
        AuditReplaysController,
        BillpayProductsController,
        BillpayInquiriesController,
        PayBillController,
        ReadPaymentsController,
        RefundPaymentController,
        BillpayDepositController,
        BillpayCallbacksController,
        LoanAccountsController,
        CollectInstallmentController,
        InstallmentReceiptController,
        LoanRemittancesController,
        LoanCollectionsController,
        RefusedCollectionsController,
        LoanAgreementsController,
        CounterTodayController,
        DailyRecapController,
        ReceiptPrintsController,
        CashDrawerController,
        CashDrawersController,
        BankController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        AccessTokenService,
        SessionsRepository,
        SessionCheck,
        SessionService,
        {
          provide: TrustedProxies,
          useFactory: (config: GatewayConfig) => new TrustedProxies(config.trustedProxies),
          inject: [GATEWAY_CONFIG],
        },
        LoginService,
        LoginThrottle,
        LoginAttemptsRepository,
        LoginRecordsPruner,
        UsersRepository,
        IdempotencyRepository,
        IdempotencyService,
        CommandRunner,
        MembersQueries,
        LedgerQueries,
        AuditQueries,
        AuditEventReader,
        AuditScopeGuard,
        CommandOrigins,
        BillpayQueries,
        LoansQueries,
        ReceiptLinesService,
        DailyRecapService,
        ReceiptPrintsRepository,
        CashDrawerGate,
      ],
    };
  }
}
