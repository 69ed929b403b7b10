import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  MemberCommands,
  type CommandEnvelope,
  type CommandReply,
  type KoperasiView,
  type MemberView,
  type RegisterKoperasiPayload,
  type RegisterMemberPayload,
  type RegisterMemberResult,
  type SavingsMovementResult,
  type StatementLine,
  type UserRole,
} from '@koperasi/contracts';
import { nextYearMonth } from '@koperasi/domain';
import {
  createTestDatabase,
  createTestTopics,
  testKafka,
  testKafkaBrokers,
  waitFor,
  type TestDatabase,
} from '@koperasi/testing';
import { MEMBER_COMMANDS } from '../src/commands/member-commands.provider.js';
import { REGISTER_MEMBER_COMMANDS } from '../src/commands/register-member/register-member-commands.provider.js';
import { membersMigrations } from '../src/infrastructure/members-migrations.js';
import {
  currentMonthInWib,
  UnansweredCommand,
  type CommandMessage,
  type DeciderCommandHandler,
} from '@koperasi/service-kit';
import { verifyHashChain } from '@koperasi/eventstore';
import { KOPERASI_COMMANDS } from '../src/koperasi/commands/koperasi-commands.provider.js';
import { MembersModule } from '../src/members.module.js';

const TOKEN = 'test-internal-token';
const NIK_BUDI = '3374011705850003';
const NIK_SITI = '3374015708900001';

describe('members service commands (PostgreSQL, Kafka relay)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let gedawang: KoperasiView;
  let tegalsari: KoperasiView;

  const envelope = <P>(
    koperasiId: string,
    payload: P,
    role: UserRole = 'teller',
    commandId: string = randomUUID(),
  ): CommandEnvelope<P> => ({
    commandId,
    koperasiId,
    actor: { userId: `${role}-1`, role },
    correlationId: randomUUID(),
    payload,
  });
  const registerKoperasi = async (payload: RegisterKoperasiPayload, role: UserRole = 'admin') => {
    const handler = app.get<DeciderCommandHandler<unknown, unknown, never>>(KOPERASI_COMMANDS);
    const [reply] = await handler.handle([
      { command: MemberCommands.registerKoperasi, key: '', value: envelope('', payload, role) },
    ]);
    return reply as CommandReply<KoperasiView>;
  };
  /** One batch of registrations, as the Kafka transport hands them over; the replies in the same order. */
  const registrationBatch = (envelopes: CommandEnvelope<unknown>[]) =>
    app.get<DeciderCommandHandler<unknown, unknown, never>>(REGISTER_MEMBER_COMMANDS).handle(
      envelopes.map((value): CommandMessage => ({
        command: MemberCommands.registerMember,
        key: value.koperasiId,
        value,
      })),
    ) as Promise<CommandReply<RegisterMemberResult>[]>;
  const registerMember = async (
    koperasiId: string,
    payload: Partial<RegisterMemberPayload>,
    role: UserRole = 'teller',
  ) => (await registrationBatch([envelope(koperasiId, payload, role)]))[0];
  /** One batch of member commands, as the Kafka transport hands them over; the replies in the same order. */
  const memberBatch = (commands: { command: string; envelope: CommandEnvelope<unknown> }[]) =>
    app.get<DeciderCommandHandler<unknown, unknown, never>>(MEMBER_COMMANDS).handle(
      commands.map(({ command, envelope }): CommandMessage => ({
        command,
        key: '',
        value: envelope,
      })),
    ) as Promise<CommandReply<SavingsMovementResult>[]>;
  const memberCommand = async (command: string, envelope: CommandEnvelope<unknown>) =>
    (await memberBatch([{ command, envelope }]))[0];
  const pokok = (koperasiId: string, memberId: string, amountRp: number) =>
    memberCommand(MemberCommands.paySimpananPokok, envelope(koperasiId, { memberId, amountRp }));
  const wajib = (koperasiId: string, memberId: string, periods: string[], amountRp: number) =>
    memberCommand(
      MemberCommands.paySimpananWajib,
      envelope(koperasiId, { memberId, periods, amountRp }),
    );
  const deposit = (
    koperasiId: string,
    memberId: string,
    amountRp: number,
    commandId?: string,
    role?: UserRole,
  ) =>
    memberCommand(
      MemberCommands.depositSukarela,
      envelope(koperasiId, { memberId, amountRp }, role, commandId),
    );
  const withdraw = (koperasiId: string, memberId: string, amountRp: number) =>
    memberCommand(MemberCommands.withdrawSukarela, envelope(koperasiId, { memberId, amountRp }));
  const resign = (koperasiId: string, memberId: string) =>
    memberCommand(MemberCommands.resignMember, envelope(koperasiId, { memberId }));
  const internalGet = (path: string) =>
    request(app.getHttpServer()).get(path).set('x-internal-token', TOKEN);

  const budi = (kelurahan = 'Gedawang'): RegisterMemberPayload => ({
    nik: NIK_BUDI,
    fullName: 'Budi Santoso',
    address: 'Jl. Gedawang Permai 4',
    kelurahan,
  });

  async function activeMember(nik: string): Promise<string> {
    const registered = resultOf(
      await registerMember(gedawang.id, { ...budi(), nik, fullName: `Anggota ${nik}` }),
    );
    resultOf(await pokok(gedawang.id, registered.id, 25_000));
    return registered.id;
  }

  async function memberSnapshot(memberId: string) {
    const { rows } = await db.pool.query(
      `SELECT (SELECT version FROM streams WHERE stream_id = 'member-' || $1::text) AS version,
              (SELECT sukarela_rp FROM members WHERE id = $1::uuid) AS sukarela,
              (SELECT count(*) FROM savings_movements WHERE member_id = $1::uuid) AS movements`,
      [memberId],
    );
    return rows[0];
  }

  beforeAll(async () => {
    db = await createTestDatabase('members', membersMigrations);
    const [eventsTopic] = await createTestTopics(testKafka(), 'members-events');
    const moduleRef = await Test.createTestingModule({
      imports: [
        MembersModule.forRoot({
          httpPort: 0,
          httpHost: '127.0.0.1',
          databaseUrl: db.url,
          kafkaBrokers: testKafkaBrokers(),
          internalApiToken: TOKEN,
          eventsTopic,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const settings = {
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
    };
    gedawang = resultOf(
      await registerKoperasi({
        code: 'GDW',
        name: 'KKMP Gedawang',
        kelurahan: 'Gedawang',
        ...settings,
        simpananPokokRp: 25_000,
        simpananWajibMonthlyRp: 15_000,
      }),
    );
    tegalsari = resultOf(
      await registerKoperasi({
        code: 'TGS',
        name: 'KKMP Tegalsari',
        kelurahan: 'Tegalsari',
        ...settings,
        kecamatan: 'Candisari',
        simpananPokokRp: 20_000,
        simpananWajibMonthlyRp: 10_000,
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('koperasi registry', () => {
    it('given a registered code, when it is registered again, then 409 and the first stays', async () => {
      const reply = await registerKoperasi({ ...gedawang, name: 'Other' });
      expect(errorOf(reply)).toMatchObject({ status: 409, code: 'KOPERASI_CODE_TAKEN' });
      const view = await internalGet(`/internal/koperasi/${gedawang.id}`).expect(200);
      expect(view.body).toEqual(gedawang);
    });

    it('when a teller registers a koperasi, then 403', async () => {
      const reply = await registerKoperasi({ ...gedawang, code: 'NEW' }, 'teller');
      expect(errorOf(reply)).toMatchObject({ status: 403 });
    });

    it('when an amount is fractional, then 400 naming the field', async () => {
      const reply = await registerKoperasi({ ...gedawang, code: 'FRC', simpananPokokRp: 25_000.5 });
      expect(errorOf(reply)).toMatchObject({
        status: 400,
        details: [{ field: 'simpananPokokRp' }],
      });
    });
  });

  it('register, pokok, three months of wajib, sukarela deposit and withdrawal: replies and read model agree', async () => {
    const registered = resultOf(await registerMember(gedawang.id, budi()));
    expect(registered).toEqual({
      id: expect.any(String),
      memberNo: 'GDW-000001',
      status: 'PENDING_POKOK',
    });
    const memberId = registered.id;
    const month = currentMonthInWib();
    const months = [month, nextYearMonth(month), nextYearMonth(nextYearMonth(month))];

    expect(resultOf(await pokok(gedawang.id, memberId, 25_000)).savings).toEqual({
      pokokRp: 25_000,
      wajibRp: 0,
      sukarelaRp: 0,
    });
    expect(resultOf(await wajib(gedawang.id, memberId, months, 45_000)).savings.wajibRp).toBe(
      45_000,
    );
    expect(resultOf(await deposit(gedawang.id, memberId, 100_000)).savings.sukarelaRp).toBe(
      100_000,
    );
    const withdrawal = resultOf(await withdraw(gedawang.id, memberId, 30_000));
    expect(withdrawal).toMatchObject({
      memberId,
      amountRp: 30_000,
      savings: { pokokRp: 25_000, wajibRp: 45_000, sukarelaRp: 70_000 },
    });

    const view: MemberView = (
      await internalGet(`/internal/koperasi/${gedawang.id}/members/${memberId}`).expect(200)
    ).body;
    expect(view).toMatchObject({
      id: memberId,
      memberNo: 'GDW-000001',
      nik: NIK_BUDI,
      fullName: 'Budi Santoso',
      status: 'ACTIVE',
      savings: { pokokRp: 25_000, wajibRp: 45_000, sukarelaRp: 70_000 },
      wajibArrears: { months: [], amountRp: 0 },
    });
    expect(view.joinedAt).toMatch(new RegExp(`^${month}-\\d{2}T.*\\+07:00$`));

    const statement: StatementLine[] = (
      await internalGet(`/internal/koperasi/${gedawang.id}/members/${memberId}/statement`).expect(
        200,
      )
    ).body;
    expect(statement.map(({ kind, amountRp, balances }) => ({ kind, amountRp, balances }))).toEqual(
      [
        {
          kind: 'pokok',
          amountRp: 25_000,
          balances: { pokokRp: 25_000, wajibRp: 0, sukarelaRp: 0 },
        },
        {
          kind: 'wajib',
          amountRp: 45_000,
          balances: { pokokRp: 25_000, wajibRp: 45_000, sukarelaRp: 0 },
        },
        {
          kind: 'sukarela-deposit',
          amountRp: 100_000,
          balances: { pokokRp: 25_000, wajibRp: 45_000, sukarelaRp: 100_000 },
        },
        {
          kind: 'sukarela-withdrawal',
          amountRp: -30_000,
          balances: { pokokRp: 25_000, wajibRp: 45_000, sukarelaRp: 70_000 },
        },
      ],
    );
    expect(statement[3].eventId).toBe(withdrawal.eventId);

    const found = await internalGet(`/internal/koperasi/${gedawang.id}/members?q=santo`).expect(
      200,
    );
    expect(found.body.map((member: MemberView) => member.id)).toContain(memberId);
    const byNik = await internalGet(
      `/internal/koperasi/${gedawang.id}/members?nik=${NIK_BUDI}`,
    ).expect(200);
    expect(byNik.body).toHaveLength(1);

    const { rows } = await db.pool.query(
      `SELECT period FROM member_wajib_months WHERE member_id = $1 ORDER BY period`,
      [memberId],
    );
    expect(rows.map((row) => row.period)).toEqual(months);

    const again = await wajib(gedawang.id, memberId, [months[1]], 15_000);
    expect(errorOf(again)).toMatchObject({ status: 422, code: 'WAJIB_PERIOD_ALREADY_PAID' });

    await waitFor(
      'the relay to publish the withdrawal',
      async () => {
        const { rows } = await db.pool.query(
          `SELECT 1 FROM relay_checkpoints c JOIN events e ON (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)
         WHERE c.relay = 'members' AND e.event_id = $1`,
          [withdrawal.eventId],
        );
        return rows.length === 1;
      },
      10_000,
    );
  });

  it('given a member, when the same commandId arrives twice and five times at once, then it acts once', async () => {
    const memberId = await activeMember('3374012301950002');
    const commandId = randomUUID();
    const first = resultOf(await deposit(gedawang.id, memberId, 10_000, commandId));
    const second = resultOf(await deposit(gedawang.id, memberId, 10_000, commandId));
    expect(second).toEqual(first);

    const concurrentId = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => deposit(gedawang.id, memberId, 5_000, concurrentId)),
    );
    const eventIds = new Set(replies.map((reply) => resultOf(reply).eventId));
    expect(eventIds.size).toBe(1);
    expect(await memberSnapshot(memberId)).toEqual({
      version: 4,
      sukarela: '15000',
      movements: '3',
    });
  });

  it('given two counters in two koperasi, when both register the same NIK at the same moment, then one succeeds and the other gets 409', async () => {
    const replies = await Promise.all([
      registerMember(gedawang.id, { ...budi(), nik: NIK_SITI, fullName: 'Siti Aminah' }),
      registerMember(tegalsari.id, {
        ...budi('Tegalsari'),
        nik: NIK_SITI,
        fullName: 'Siti Aminah',
      }),
    ]);
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(errorOf(replies.find((reply) => !reply.ok)!)).toMatchObject({
      status: 409,
      code: 'NIK_ALREADY_MEMBER',
    });
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS members FROM members WHERE nik = $1`,
      [NIK_SITI],
    );
    expect(rows[0].members).toBe(1);
  });

  it('given savings, when the member resigns, then everything is paid out, the member is closed and the NIK is free again', async () => {
    const nik = '3374012512700009';
    const memberId = await activeMember(nik);
    resultOf(await deposit(gedawang.id, memberId, 40_000));
    const payout = resultOf(await resign(gedawang.id, memberId));
    expect(payout).toMatchObject({
      amountRp: 65_000,
      savings: { pokokRp: 0, wajibRp: 0, sukarelaRp: 0 },
    });

    const view: MemberView = (
      await internalGet(`/internal/koperasi/${gedawang.id}/members/${memberId}`).expect(200)
    ).body;
    expect(view).toMatchObject({ status: 'RESIGNED', wajibArrears: { months: [], amountRp: 0 } });
    const statement: StatementLine[] = (
      await internalGet(`/internal/koperasi/${gedawang.id}/members/${memberId}/statement`).expect(
        200,
      )
    ).body;
    expect(statement.at(-1)).toMatchObject({ kind: 'resignation-payout', amountRp: -65_000 });
    expect(errorOf(await deposit(gedawang.id, memberId, 1_000))).toMatchObject({
      status: 422,
      code: 'MEMBER_RESIGNED',
    });
    resultOf(await registerMember(tegalsari.id, { ...budi('Tegalsari'), nik }));
  });

  describe('refusals change nothing', () => {
    it('given 20,000 of sukarela, when 20,001 is withdrawn, then 422 INSUFFICIENT_SUKARELA and nothing changed', async () => {
      const memberId = await activeMember('3374011010800004');
      resultOf(await deposit(gedawang.id, memberId, 20_000));
      const before = await memberSnapshot(memberId);
      const reply = await withdraw(gedawang.id, memberId, 20_001);
      expect(errorOf(reply)).toMatchObject({
        status: 422,
        code: 'INSUFFICIENT_SUKARELA',
        details: [{ field: 'amountRp' }],
      });
      expect(await memberSnapshot(memberId)).toEqual(before);
    });

    it('given a member of Gedawang, when Tegalsari acts on or reads it, then 404', async () => {
      const memberId = await activeMember('3374011111880005');
      const before = await memberSnapshot(memberId);
      expect(errorOf(await deposit(tegalsari.id, memberId, 10_000))).toMatchObject({
        status: 404,
        code: 'MEMBER_NOT_FOUND',
      });
      await internalGet(`/internal/koperasi/${tegalsari.id}/members/${memberId}`).expect(404);
      await internalGet(`/internal/koperasi/${tegalsari.id}/members/${memberId}/statement`).expect(
        404,
      );
      expect(await memberSnapshot(memberId)).toEqual(before);
    });

    it('when an auditor deposits, then 403', async () => {
      const memberId = await activeMember('3374010202770006');
      expect(
        errorOf(await deposit(gedawang.id, memberId, 10_000, undefined, 'auditor')),
      ).toMatchObject({ status: 403 });
    });

    it.each<[string, Partial<RegisterMemberPayload>, number, string]>([
      ['a 15-digit NIK', { nik: '337401170585000' }, 400, 'nik'],
      ['an impossible birth date', { nik: '3374013102850007' }, 400, 'nik'],
      ['a missing full name', { fullName: undefined }, 400, 'fullName'],
      [
        'the wrong kelurahan',
        { nik: '3374011303830008', kelurahan: 'Tegalsari' },
        422,
        'kelurahan',
      ],
    ])(
      'when registering with %s (%j), then %i naming %s and no NIK is claimed',
      async (_case, change, status, field) => {
        const reply = await registerMember(gedawang.id, {
          ...budi(),
          nik: '3374011303830008',
          ...change,
        });
        expect(errorOf(reply)).toMatchObject({ status, details: [{ field }] });
        const { rows } = await db.pool.query(
          `SELECT count(*)::int AS claims FROM member_niks WHERE nik = $1`,
          [change.nik ?? '3374011303830008'],
        );
        expect(rows[0].claims).toBe(0);
      },
    );

    it('when the internal token is missing, then 401', async () => {
      await request(app.getHttpServer()).get(`/internal/koperasi/${gedawang.id}`).expect(401);
    });
  });

  describe('a batch of commands, as the Kafka transport hands it over', () => {
    const depositIn = (
      koperasiId: string,
      memberId: string,
      amountRp: number,
      commandId?: string,
      userId?: string,
    ) => {
      const command = envelope(koperasiId, { memberId, amountRp }, 'teller', commandId);
      if (userId) command.actor.userId = userId;
      return { command: MemberCommands.depositSukarela, envelope: command };
    };
    const withdrawIn = (memberId: string, amountRp: number) => ({
      command: MemberCommands.withdrawSukarela,
      envelope: envelope(gedawang.id, { memberId, amountRp }),
    });

    it('given 20 deposits then a withdrawal of their total for one member, all in one batch, then all succeed in order and the balance is exact', async () => {
      const memberId = await activeMember('3374010101900011');
      const other = await activeMember('3374010101900012');
      const commands = Array.from({ length: 20 }, (_, n) =>
        depositIn(gedawang.id, memberId, 1_000 * (n + 1)),
      );
      commands.splice(7, 0, depositIn(gedawang.id, other, 5_000));
      commands.push(withdrawIn(memberId, 210_000));
      const replies = await memberBatch(commands);
      const balances = replies.map((reply) => resultOf(reply).savings.sukarelaRp);
      const running = [
        1, 3, 6, 10, 15, 21, 28, 5, 36, 45, 55, 66, 78, 91, 105, 120, 136, 153, 171, 190, 210, 0,
      ].map((k) => k * 1_000);
      expect(balances).toEqual(running);
      expect(await memberSnapshot(memberId)).toEqual({
        version: 23,
        sukarela: '0',
        movements: '22',
      });
      expect(await memberSnapshot(other)).toEqual({ version: 3, sukarela: '5000', movements: '2' });
      expect(await verifyHashChain(db.pool)).toMatchObject({ ok: true });
    });

    it('given refusals among them (too much withdrawn, another koperasi, a bad payload, an auditor), then those alone are refused and the rest commit', async () => {
      const memberId = await activeMember('3374010101900013');
      const replies = await memberBatch([
        depositIn(gedawang.id, memberId, 10_000),
        withdrawIn(memberId, 10_001),
        depositIn(tegalsari.id, memberId, 10_000),
        {
          command: MemberCommands.depositSukarela,
          envelope: envelope(gedawang.id, { amountRp: 5_000 }),
        },
        {
          command: MemberCommands.depositSukarela,
          envelope: envelope(gedawang.id, { memberId, amountRp: 5_000 }, 'auditor'),
        },
        depositIn(gedawang.id, memberId, -1),
        withdrawIn(memberId, 10_000),
        depositIn(gedawang.id, memberId, 2_500),
      ]);
      expect(
        replies.map((reply) => (reply.ok ? reply.result.savings.sukarelaRp : reply.error.code)),
      ).toEqual([
        10_000,
        'INSUFFICIENT_SUKARELA',
        'MEMBER_NOT_FOUND',
        'VALIDATION_FAILED',
        'FORBIDDEN',
        'INVALID_AMOUNT',
        0,
        2_500,
      ]);
      expect(await memberSnapshot(memberId)).toEqual({
        version: 5,
        sukarela: '2500',
        movements: '4',
      });
    });

    it('given one command PostgreSQL refuses to store (a NUL in the teller id), then it alone goes unanswered and the others commit', async () => {
      const memberId = await activeMember('3374010101900014');
      const replies = await memberBatch([
        depositIn(gedawang.id, memberId, 1_000),
        depositIn(gedawang.id, memberId, 2_000, undefined, 'teller\u0000'),
        depositIn(gedawang.id, memberId, 4_000),
      ]);
      expect(resultOf(replies[0]).savings.sukarelaRp).toBe(1_000);
      expect(replies[1]).toBeInstanceOf(UnansweredCommand);
      expect(resultOf(replies[2]).savings.sukarelaRp).toBe(5_000);
      expect(await memberSnapshot(memberId)).toEqual({
        version: 4,
        sukarela: '5000',
        movements: '3',
      });
    });

    it('given the same commandId twice in a batch and one answered before, then each acts once and repeats answer the same', async () => {
      const memberId = await activeMember('3374010101900015');
      const earlier = randomUUID();
      const first = resultOf(await deposit(gedawang.id, memberId, 1_000, earlier));
      const twice = randomUUID();
      const replies = await memberBatch([
        depositIn(gedawang.id, memberId, 2_000, twice),
        depositIn(gedawang.id, memberId, 1_000, earlier),
        depositIn(gedawang.id, memberId, 2_000, twice),
      ]);
      expect(replies[0]).toEqual(replies[2]);
      expect(resultOf(replies[1])).toEqual(first);
      expect(await memberSnapshot(memberId)).toEqual({
        version: 4,
        sukarela: '3000',
        movements: '3',
      });
    });

    it('given two instances writing one member at the same moment, then the stream that moved is decided again and nothing is lost or doubled', async () => {
      const shared = await activeMember('3374010101900016');
      const mine = await activeMember('3374010101900017');
      const first = [
        ...Array.from({ length: 10 }, () => depositIn(gedawang.id, shared, 1_000)),
        depositIn(gedawang.id, mine, 7_000),
      ];
      const second = Array.from({ length: 10 }, () => depositIn(gedawang.id, shared, 100));
      const [a, b] = await Promise.all([memberBatch(first), memberBatch(second)]);
      for (const reply of [...a, ...b]) resultOf(reply);
      expect(await memberSnapshot(shared)).toEqual({
        version: 22,
        sukarela: '11000',
        movements: '21',
      });
      expect(await memberSnapshot(mine)).toEqual({ version: 3, sukarela: '7000', movements: '2' });
      const { rows } = await db.pool.query(
        `SELECT array_agg(sukarela_rp ORDER BY stream_version) AS balances FROM savings_movements WHERE member_id = $1 AND kind = 'sukarela-deposit'`,
        [shared],
      );
      // Each movement's balance is the one before it plus its own amount: no two were decided on the same state.
      const balances = (rows[0].balances as string[]).map(Number);
      expect(new Set(balances).size).toBe(20);
      expect(balances.at(-1)).toBe(11_000);
      expect(await verifyHashChain(db.pool)).toMatchObject({ ok: true });
    });
  });

  it('given one batch of registrations with a NIK twice, a kelurahan the koperasi does not serve and an auditor, then only those are refused and the rest take consecutive numbers', async () => {
    const niks = ['3374012512700101', '3374012512700102', '3374012512700103'];
    const register = (nik: string, kelurahan = 'Gedawang', role: UserRole = 'teller') =>
      envelope(gedawang.id, { ...budi(kelurahan), nik, fullName: `Anggota ${nik}` }, role);
    const replies = await registrationBatch([
      register(niks[0]),
      register(niks[1], 'Tegalsari'),
      register(niks[0]),
      register(niks[1], 'Gedawang', 'auditor'),
      register(niks[2]),
    ]);
    expect(replies.map((reply) => (reply.ok ? 'registered' : reply.error.code))).toEqual([
      'registered',
      'KELURAHAN_MISMATCH',
      'NIK_ALREADY_MEMBER',
      'FORBIDDEN',
      'registered',
    ]);
    expect(errorOf(replies[2]).message).toMatch(/already a member of this koperasi/);
    const [first, last] = [resultOf(replies[0]).memberNo, resultOf(replies[4]).memberNo];
    expect(Number(last.slice(-6))).toBe(Number(first.slice(-6)) + 1);
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM members WHERE nik = ANY($1::text[])) AS members,
              (SELECT count(*)::int FROM member_niks WHERE nik = ANY($1::text[])) AS niks`,
      [niks],
    );
    expect(rows[0]).toEqual({ members: 2, niks: 2 });
  });
});

function resultOf<R>(reply: CommandReply<R>): R {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

function errorOf(reply: CommandReply<unknown>) {
  if (reply.ok) throw new Error(`accepted: ${JSON.stringify(reply.result)}`);
  return reply.error;
}
