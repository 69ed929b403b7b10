import type { RegisterKoperasiPayload } from '@koperasi/contracts';
import { ApiClient } from './api-client.js';
import { DEMO_PASSWORD } from './suite-harness.js';
import { fullNameOf } from './user-names.js';

export type StaffRole = 'teller' | 'supervisor' | 'auditor';

/** The koperasi's code, name and where it is; its simpanan amounts are the same in every spec. */
export type KoperasiPlace = Omit<
  RegisterKoperasiPayload,
  'simpananPokokRp' | 'simpananWajibMonthlyRp'
>;

/** What the counter needs before its first PPOB payment or installment, set by the koperasi's first supervisor. */
export interface CounterSetup {
  /** A PPOB deposit top-up, so payments have a deposit to draw on. */
  ppobTopUp?: { amountRp: number; bankTransferRef: string };
  /** The KUR agreement: a fixed fee per installment, paid by the bank. */
  kurFeeRp?: number;
}

export interface StaffedKoperasi<Username extends string> {
  koperasiId: string;
  /** Each user, signed in. */
  staff: Record<Username, ApiClient>;
  userIds: Record<Username, string>;
}

const SIMPANAN_POKOK_RP = 25_000;
const SIMPANAN_WAJIB_MONTHLY_RP = 15_000;

/**
 * A new koperasi with its staff signed in at the gateway (each a user named from its username, in the order
 * given), and its counter set up for PPOB and installments when asked: what an end-to-end spec of a counter's
 * day starts from.
 */
export async function staffedKoperasi<Username extends string>(
  gatewayUrl: string,
  place: KoperasiPlace,
  roles: Record<Username, StaffRole>,
  setup: CounterSetup = {},
): Promise<StaffedKoperasi<Username>> {
  const admin = await new ApiClient(gatewayUrl).login('admin', DEMO_PASSWORD);
  const created = await admin.post('/koperasi', {
    ...place,
    simpananPokokAmount: SIMPANAN_POKOK_RP,
    simpananWajibMonthlyAmount: SIMPANAN_WAJIB_MONTHLY_RP,
  });
  expectStatus(`koperasi ${place.code}`, created, 201);
  const koperasiId: string = created.body.id;
  const staff = {} as Record<Username, ApiClient>;
  const userIds = {} as Record<Username, string>;
  for (const [username, role] of Object.entries(roles) as [Username, StaffRole][]) {
    const user = await admin.post('/users', {
      username,
      fullName: fullNameOf(username),
      password: DEMO_PASSWORD,
      role,
      koperasiId,
    });
    expectStatus(`user ${username}`, user, 201);
    userIds[username] = user.body.id;
    staff[username] = await new ApiClient(gatewayUrl).login(username, DEMO_PASSWORD);
  }
  if (setup.ppobTopUp === undefined && setup.kurFeeRp === undefined)
    return { koperasiId, staff, userIds };

  const supervisorName = (Object.keys(roles) as Username[]).find(
    (username) => roles[username] === 'supervisor',
  );
  if (supervisorName === undefined) throw new Error('setting up the counter takes a supervisor');
  const supervisor = staff[supervisorName];
  if (setup.ppobTopUp) {
    const topUp = await supervisor.post('/billpay/deposit/topups', {
      amount: setup.ppobTopUp.amountRp,
      bankTransferRef: setup.ppobTopUp.bankTransferRef,
    });
    expectStatus('PPOB deposit top-up', topUp, 201);
  }
  if (setup.kurFeeRp !== undefined) {
    const agreement = await supervisor.call('PUT', '/loans/agreements/KUR', {
      fee: { kind: 'FIXED', amount: setup.kurFeeRp },
      partialAllowed: false,
      feeMode: 'BANK_PAYS',
    });
    expectStatus('KUR agreement', agreement, 'any success');
  }
  return { koperasiId, staff, userIds };
}

function expectStatus(
  what: string,
  response: { status: number; body: unknown },
  status: number | 'any success',
): void {
  const ok =
    status === 'any success'
      ? response.status >= 200 && response.status < 300
      : response.status === status;
  if (!ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}
