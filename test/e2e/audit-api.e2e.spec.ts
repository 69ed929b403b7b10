import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { insertDrawers } from '../support/cash-drawers.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

interface AuditEvent {
  service: string;
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  koperasiId: string;
  occurredAt: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
  prevHash: string;
  hash: string;
  data: Record<string, unknown>;
}

interface Counter {
  id: string;
  teller: ApiClient;
  memberId: string;
}

const CITY = 'Kota Semarang';
const OTHER_CITY = 'Kota Pekalongan';
const DEPOSIT_RP = 50_000;
/** Path parameters a route would accept, so a refusal is the auditor's, not a bad path's. */
const REAL_PATH_VALUES: Record<string, string> = { provider: 'digiflazz', product: 'KUR' };

/** Valid NIKs of Kota Semarang (33 74 01), a man born 15-08-1990. */
function nik(serial: number): string {
  return `337401150890${String(serial).padStart(4, '0')}`;
}

function wibDay(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3600 * 1000 + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** A download (CSV or JSON Lines) read as text, with a token of its own. */
class Downloader {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async login(baseUrl: string, username: string): Promise<Downloader> {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await response.json()) as { accessToken: string };
    return new Downloader(baseUrl, body.accessToken);
  }

  async get(path: string): Promise<{ status: number; type: string | null; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  }
}

describe('audit API end to end: auditors read, trace, export and verify; they never write', () => {
  const suite = new SuiteHarness();
  let admin: ApiClient;
  let gedawang: Counter;
  let tegalsari: Counter;
  let pekalongan: Counter;
  let auditor: ApiClient;
  let cityAuditor: ApiClient;
  let auditorFiles: Downloader;
  let cityAuditorFiles: Downloader;
  let depositKey: string;
  let depositEventId: string;
  let nextSerial = 1;

  async function counter(
    code: string,
    name: string,
    kelurahan: string,
    kotaKabupaten: string,
  ): Promise<Counter> {
    const created = await admin.post('/koperasi', {
      code,
      name,
      kelurahan,
      kecamatan: 'Banyumanik',
      kotaKabupaten,
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(created.status).toBe(201);
    const username = `teller.${code.toLowerCase()}`;
    expect(
      (
        await admin.post('/users', {
          username,
          fullName: `Teller ${kelurahan}`,
          password: DEMO_PASSWORD,
          role: 'teller',
          koperasiId: created.body.id,
        })
      ).status,
    ).toBe(201);
    const teller = await new ApiClient(suite.gatewayUrl).login(username, DEMO_PASSWORD);
    const member = await teller.post('/members', {
      nik: nik(nextSerial++),
      fullName: `Anggota ${code}`,
      address: `Jl. ${kelurahan} 1`,
      kelurahan,
    });
    expect(member.status).toBe(201);
    expect(
      (await teller.post(`/members/${member.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
    return { id: created.body.id, teller, memberId: member.body.id };
  }

  async function allEvents(client: ApiClient, query: string, limit: number): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const response: ApiResponse = await client.get(
        `/audit/events?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.events.length).toBeLessThanOrEqual(limit);
      events.push(...response.body.events);
      cursor = response.body.nextCursor;
      if (cursor === null) return events;
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    await suite.startAll();
    admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    gedawang = await counter('GDW', 'KKMP Gedawang', 'Gedawang', CITY);
    tegalsari = await counter('TGS', 'KKMP Tegalsari', 'Tegalsari', ' kota  semarang ');
    pekalongan = await counter('BDK', 'KKMP Bendan Kergon', 'Bendan Kergon', OTHER_CITY);

    depositKey = `audit-deposit-${randomUUID()}`;
    const deposit = await gedawang.teller.post(
      `/members/${gedawang.memberId}/simpanan-sukarela/deposits`,
      { amount: DEPOSIT_RP },
      depositKey,
    );
    expect(deposit.status).toBeLessThan(300);
    depositEventId = deposit.body.eventId;

    expect(
      (
        await admin.post('/users', {
          username: 'auditor.gdw',
          fullName: 'Agus Prasetyo',
          password: DEMO_PASSWORD,
          role: 'auditor',
          koperasiId: gedawang.id,
        })
      ).status,
    ).toBe(201);
    const city = await admin.post<any>('/users', {
      username: 'auditor.semarang',
      fullName: 'Hendra Wijaya',
      password: DEMO_PASSWORD,
      role: 'auditor',
      kotaKabupaten: 'KOTA SEMARANG',
    });
    expect(city.status).toBe(201);
    expect(city.body).toMatchObject({ role: 'auditor', koperasiId: null, kotaKabupaten: CITY });
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.gdw', DEMO_PASSWORD);
    cityAuditor = await new ApiClient(suite.gatewayUrl).login('auditor.semarang', DEMO_PASSWORD);
    auditorFiles = await Downloader.login(suite.gatewayUrl, 'auditor.gdw');
    cityAuditorFiles = await Downloader.login(suite.gatewayUrl, 'auditor.semarang');
  }, 300_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  it('given the admin, when a city auditor is created wrongly, then 4xx names the problem and no user appears', async () => {
    const base = { fullName: 'Auditor Kota', password: DEMO_PASSWORD, role: 'auditor' };
    const unknownCity = await admin.post<any>('/users', {
      ...base,
      username: 'auditor.nowhere',
      kotaKabupaten: 'Kota Atlantis',
    });
    expect(unknownCity.status).toBe(422);
    expect(unknownCity.body.error).toBe('UNKNOWN_KOTA_KABUPATEN');
    const both = await admin.post<any>('/users', {
      ...base,
      username: 'auditor.both',
      kotaKabupaten: CITY,
      koperasiId: gedawang.id,
    });
    expect(both.status).toBe(400);
    const tellerOfCity = await admin.post<any>('/users', {
      ...base,
      role: 'teller',
      username: 'teller.city',
      kotaKabupaten: CITY,
    });
    expect(tellerOfCity.status).toBe(400);
    for (const username of ['auditor.nowhere', 'auditor.both', 'teller.city']) {
      expect(
        (await admin.call('POST', '/auth/login', { username, password: DEMO_PASSWORD })).status,
      ).toBe(401);
    }
  });

  it('given a member stream, when the auditor reads it, then every event comes in order with a linked hash chain; another koperasi stream is not found', async () => {
    const stream = await auditor.get(`/audit/streams/member-${gedawang.memberId}`);
    expect(stream.status).toBe(200);
    expect(stream.body).toMatchObject({
      service: 'members',
      koperasiId: gedawang.id,
      version: 3,
      nextFromVersion: null,
    });
    expect(stream.body.events.map((event: AuditEvent) => event.type)).toEqual([
      'MemberRegistered',
      'SimpananPokokPaid',
      'SimpananSukarelaDeposited',
    ]);
    const [first, second, third] = stream.body.events as AuditEvent[];
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(third.prevHash).toBe(second.hash);
    expect(third).toMatchObject({
      eventId: depositEventId,
      data: expect.objectContaining({ amountRp: DEPOSIT_RP }),
    });

    expect((await auditor.get(`/audit/streams/member-${tegalsari.memberId}`)).status).toBe(404);
    expect(
      (await auditor.get(`/audit/streams/member-${gedawang.memberId}?koperasiId=${tegalsari.id}`))
        .status,
    ).toBe(404);
  });

  it('given the koperasi events, when the auditor pages through them one at a time, then each comes exactly once, in order, all its own', async () => {
    const paged = await allEvents(auditor, '', 1);
    const whole = await allEvents(auditor, '', 1000);
    expect(paged.map((event) => event.eventId)).toEqual(whole.map((event) => event.eventId));
    expect(new Set(paged.map((event) => event.eventId)).size).toBe(paged.length);
    expect(new Set(paged.map((event) => event.koperasiId))).toEqual(new Set([gedawang.id]));
    expect(paged.map((event) => event.type)).toEqual([
      'KoperasiRegistered',
      'MemberRegistered',
      'SimpananPokokPaid',
      'SimpananSukarelaDeposited',
    ]);

    const deposits = await auditor.get(
      '/audit/events?type=SimpananSukarelaDeposited&service=members',
    );
    expect(deposits.body.events.map((event: AuditEvent) => event.eventId)).toEqual([
      depositEventId,
    ]);
    const bad = await auditor.get('/audit/events?limit=0&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((problem: { field: string }) => problem.field).sort()).toEqual([
      'from',
      'limit',
    ]);
  });

  it('given every store of a city, when the city auditor walks the merged pages two at a time, then the walk is the whole set once, in the same order', async () => {
    const walked = await allEvents(cityAuditor, '', 2);
    const whole = await allEvents(cityAuditor, '', 1000);
    expect(walked.map((event) => event.eventId)).toEqual(whole.map((event) => event.eventId));
    expect(new Set(walked.map((event) => event.eventId)).size).toBe(walked.length);
    expect(new Set(walked.map((event) => event.koperasiId))).toEqual(
      new Set([gedawang.id, tegalsari.id]),
    );
  });

  it('given a correlation id, when the auditor filters by it, then exactly the events of that request come; an unknown one finds none, a malformed one is a 400', async () => {
    const deposit = await auditor.get(`/audit/events/${depositEventId}`);
    expect(deposit.status).toBe(200);
    const correlationId: string = deposit.body.correlationId;
    const everything = await allEvents(cityAuditor, '', 1000);
    const expected = everything.filter((event) => event.correlationId === correlationId);
    expect(expected.map((event) => event.eventId)).toContain(depositEventId);

    const filtered = await allEvents(
      auditor,
      `&correlationId=${encodeURIComponent(correlationId)}`,
      1000,
    );
    expect(filtered.map((event) => event.eventId)).toEqual(expected.map((event) => event.eventId));
    expect(await allEvents(auditor, `&correlationId=${randomUUID()}`, 100)).toEqual([]);
    // Another koperasi's auditor does not see it through the filter either.
    expect(
      await allEvents(
        cityAuditor,
        `&koperasiId=${tegalsari.id}&correlationId=${encodeURIComponent(correlationId)}`,
        100,
      ),
    ).toEqual([]);
    const bad = await auditor.get(`/audit/events?correlationId=${encodeURIComponent('a b')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual([
      'correlationId',
    ]);
  });

  it('given the journal, when the city auditor walks the entries one at a time, then it gets every entry of its city once; by account, only entries with a line on it', async () => {
    await waitFor('the ledger to post the deposit', async () => {
      const entries = await auditor.get(`/ledger/entries?sourceEventId=${depositEventId}`);
      return entries.status === 200 && entries.body.length === 1;
    });
    const walk = async (query: string, limit: number) => {
      const entries: { id: string; koperasiId: string; lines: { accountCode: string }[] }[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 200; page++) {
        const response: ApiResponse = await cityAuditor.get(
          `/audit/entries?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.entries.length).toBeLessThanOrEqual(limit);
        entries.push(...response.body.entries);
        cursor = response.body.nextCursor;
        if (cursor === null) return entries;
      }
      throw new Error('paging did not end');
    };
    const walked = await walk('', 1);
    const whole = await walk('', 1000);
    expect(walked.length).toBeGreaterThan(2);
    expect(walked.map((entry) => entry.id)).toEqual(whole.map((entry) => entry.id));
    expect(new Set(walked.map((entry) => entry.id)).size).toBe(walked.length);
    expect(new Set(walked.map((entry) => entry.koperasiId))).toEqual(
      new Set([gedawang.id, tegalsari.id]),
    );

    const cash = await walk('&accountCode=111000', 1);
    expect(cash.map((entry) => entry.id)).toEqual(
      whole
        .filter((entry) => entry.lines.some((line) => line.accountCode === '111000'))
        .map((entry) => entry.id),
    );
    expect(cash.length).toBeGreaterThan(0);
    const bad = await cityAuditor.get('/audit/entries?cursor=abc&accountCode=kas');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual([
      'accountCode',
    ]);
    expect((await cityAuditor.get('/audit/entries?cursor=abc')).status).toBe(400);
    expect((await cityAuditor.get(`/audit/entries?koperasiId=${pekalongan.id}`)).status).toBe(404);
  });

  it('given the journal entry of a savings deposit, when it is traced, then it leads to the event, the command with its key and path, the teller, and the statement line', async () => {
    let entries: ApiResponse = { status: 0, body: [] };
    await waitFor('the ledger to post the deposit', async () => {
      entries = await auditor.get(`/ledger/entries?sourceEventId=${depositEventId}`);
      return entries.status === 200 && entries.body.length === 1;
    });
    const entryId = entries.body[0].id;
    const trace = await auditor.get(`/audit/entries/${entryId}/trace`);
    expect(trace.status).toBe(200);
    expect(trace.body.entry).toMatchObject({
      id: String(entryId),
      koperasiId: gedawang.id,
      sourceEventId: depositEventId,
    });
    expect(trace.body.entry.lines).toEqual([
      expect.objectContaining({ accountCode: '111000', debit: DEPOSIT_RP, credit: 0 }),
      expect.objectContaining({
        accountCode: '211000',
        debit: 0,
        credit: DEPOSIT_RP,
        memberId: gedawang.memberId,
      }),
    ]);
    expect(trace.body.event).toMatchObject({
      service: 'members',
      eventId: depositEventId,
      type: 'SimpananSukarelaDeposited',
    });
    expect(trace.body.command).toMatchObject({
      commandId: trace.body.event.causationId,
      idempotencyKey: depositKey,
      method: 'POST',
      path: `/api/v1/members/${gedawang.memberId}/simpanan-sukarela/deposits`,
      status: 'done',
      responseStatus: 200,
    });
    expect(trace.body.command.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(trace.body.user).toMatchObject({
      username: 'teller.gdw',
      role: 'teller',
      koperasiId: gedawang.id,
      id: trace.body.event.actor,
    });
    expect(trace.body.receipt).toEqual({
      kind: 'member-savings-statement-line',
      href: `/api/v1/members/${gedawang.memberId}/statement`,
      id: depositEventId,
    });
    const statement = await gedawang.teller.get(`/members/${gedawang.memberId}/statement`);
    expect(statement.body.map((line: { eventId: string }) => line.eventId)).toContain(
      depositEventId,
    );

    expect((await cityAuditor.get(`/audit/entries/${entryId}/trace`)).status).toBe(200);
    expect(
      (await cityAuditor.get(`/audit/entries/${entryId}/trace?koperasiId=${tegalsari.id}`)).status,
    ).toBe(404);
    expect((await auditor.get('/audit/entries/999999999/trace')).status).toBe(404);
  });

  it('given a city auditor, then it sees every koperasi of its city and nothing of another city', async () => {
    const events = await allEvents(cityAuditor, '&service=members', 2);
    expect(new Set(events.map((event) => event.koperasiId))).toEqual(
      new Set([gedawang.id, tegalsari.id]),
    );
    const narrowed = await allEvents(cityAuditor, `&koperasiId=${tegalsari.id}`, 1000);
    expect(new Set(narrowed.map((event) => event.koperasiId))).toEqual(new Set([tegalsari.id]));
    expect((await cityAuditor.get(`/audit/streams/member-${tegalsari.memberId}`)).status).toBe(200);
    expect((await cityAuditor.get(`/koperasi/${tegalsari.id}`)).status).toBe(200);

    expect((await cityAuditor.get(`/koperasi/${pekalongan.id}`)).status).toBe(404);
    expect((await cityAuditor.get(`/audit/events?koperasiId=${pekalongan.id}`)).status).toBe(404);
    expect((await cityAuditor.get(`/audit/streams/member-${pekalongan.memberId}`)).status).toBe(
      404,
    );
    expect((await cityAuditor.get(`/audit/verify?koperasiId=${pekalongan.id}`)).status).toBe(404);
    expect(
      (await cityAuditor.get(`/audit/export/events?format=csv&koperasiId=${pekalongan.id}`)).status,
    ).toBe(404);

    // The entry an event posted (Riwayat's link): any koperasi of the city, never another city's.
    const fromEvent = await cityAuditor.get(`/audit/entries?sourceEventId=${depositEventId}`);
    expect(fromEvent.status).toBe(200);
    expect(fromEvent.body.entries).toEqual([
      expect.objectContaining({ koperasiId: gedawang.id, sourceEventId: depositEventId }),
    ]);
    expect(
      (
        await cityAuditor.get(
          `/audit/entries?sourceEventId=${depositEventId}&koperasiId=${gedawang.id}`,
        )
      ).body.entries,
    ).toHaveLength(1);
    expect(
      (
        await cityAuditor.get(
          `/audit/entries?sourceEventId=${depositEventId}&koperasiId=${tegalsari.id}`,
        )
      ).body.entries,
    ).toEqual([]);
    let pekalonganEntries: ApiResponse = { status: 0, body: [] };
    await waitFor('the ledger to post the other city pokok', async () => {
      pekalonganEntries = await pekalongan.teller.get('/ledger/entries');
      return pekalonganEntries.status === 200 && pekalonganEntries.body.length > 0;
    });
    expect(
      (await cityAuditor.get(`/audit/entries/${pekalonganEntries.body[0].id}/trace`)).status,
    ).toBe(404);
    const otherCityEventId = pekalonganEntries.body[0].sourceEventId;
    const otherCity = await cityAuditor.get(`/audit/entries?sourceEventId=${otherCityEventId}`);
    expect(otherCity.status).toBe(200);
    expect(otherCity.body.entries).toEqual([]);
    expect(
      (
        await cityAuditor.get(
          `/audit/entries?sourceEventId=${otherCityEventId}&koperasiId=${pekalongan.id}`,
        )
      ).status,
    ).toBe(404);
    expect((await cityAuditor.get('/audit/entries?sourceEventId=abc')).status).toBe(400);

    // The counter's open items (Ringkasan) of one koperasi of the city, named; never another city's.
    const openItems = await cityAuditor.get(`/audit/open-items?koperasiId=${tegalsari.id}`);
    expect(openItems.status).toBe(200);
    expect(openItems.body).toMatchObject({
      koperasiId: tegalsari.id,
      pendingYesterday: 0,
      unremittedCount: 0,
      unremittedAmount: 0,
    });
    expect((await auditor.get('/audit/open-items')).body.koperasiId).toBe(gedawang.id);
    expect((await cityAuditor.get('/audit/open-items')).status).toBe(400);
    expect((await cityAuditor.get(`/audit/open-items?koperasiId=${pekalongan.id}`)).status).toBe(
      404,
    );
    // The per-koperasi reports need one koperasi; a city auditor is told to use the audit API.
    const books = await cityAuditor.get('/ledger/trial-balance');
    expect(books.status).toBe(403);
    expect(books.body.message).toMatch(/audit/);
    // Through the audit API it names one koperasi of its city; the koperasi's own auditor gets its own books.
    const own = await auditor.get('/ledger/trial-balance');
    expect((await auditor.get('/audit/trial-balance')).body).toEqual({
      ...own.body,
      asOf: expect.any(String),
    });
    const chosen = await cityAuditor.get(`/audit/trial-balance?koperasiId=${gedawang.id}`);
    expect(chosen.status).toBe(200);
    expect(chosen.body.lines).toEqual(own.body.lines);
    const whole = await cityAuditor.get('/audit/trial-balance');
    expect(whole.status).toBe(400);
    expect(whole.body.details.map((problem: { field: string }) => problem.field)).toEqual([
      'koperasiId',
    ]);
    expect((await cityAuditor.get(`/audit/trial-balance?koperasiId=${pekalongan.id}`)).status).toBe(
      404,
    );
  });

  it('given every write route of the API, when an auditor or a city auditor calls it, then it is refused and nothing changes', async () => {
    const docs = await fetch(`${suite.gatewayUrl.replace(/\/api\/v1$/, '')}/docs-json`);
    const openApi = (await docs.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const writes = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          secured: (operation.security ?? []).length > 0,
        })),
    );
    expect(writes.length).toBeGreaterThan(5);
    const before = await snapshot();
    const refusals: string[] = [];
    for (const { method, path, secured } of writes) {
      if (path === '/api/v1/auth/login' || path === '/api/v1/audit/replays') continue;
      const concrete = path
        .replace(/^\/api\/v1/, '')
        .replace(/\{([^}]+)\}/g, (_match, name: string) => REAL_PATH_VALUES[name] ?? randomUUID());
      for (const [who, client] of [
        ['auditor', auditor],
        ['city auditor', cityAuditor],
      ] as const) {
        const response = await client.call<any>(method, concrete, {}, randomUUID());
        // Public routes (partner callbacks) check their own signature; they must still refuse.
        const refused = secured
          ? response.status === 403
          : response.status >= 400 && response.status < 500;
        refusals.push(
          `${who} ${method} ${path} -> ${response.status}${refused ? '' : ' NOT REFUSED'}`,
        );
      }
    }
    expect(refusals.filter((line) => line.endsWith('NOT REFUSED'))).toEqual([]);
    expect(refusals.length).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
  });

  it('given a date range, when events and journal entries are exported as CSV and JSON Lines, then the files hold exactly what the API pages hold', async () => {
    const today = wibDay(0);
    const paged = await allEvents(auditor, `&service=members&from=${today}&to=${today}`, 1000);
    const csv = await auditorFiles.get(
      `/audit/export/events?format=csv&service=members&from=${today}&to=${today}`,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const rows = csv.text.split('\r\n').filter((line) => line !== '');
    expect(rows[0].split(',').slice(0, 7)).toEqual([
      'service',
      'global_position',
      'transaction_id',
      'stream_id',
      'stream_version',
      'event_id',
      'type',
    ]);
    expect(rows.slice(1).map((row) => row.split(',')[5])).toEqual(
      paged.map((event) => event.eventId),
    );
    expect(rows.find((row) => row.includes(depositEventId))).toContain(
      `"{""amountRp"":${DEPOSIT_RP}`,
    );

    const jsonl = await auditorFiles.get(
      `/audit/export/events?format=jsonl&service=members&from=${today}&to=${today}`,
    );
    const records = jsonl.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
    expect(records.map((record) => record.eventId)).toEqual(paged.map((event) => event.eventId));
    expect(records.find((record) => record.eventId === depositEventId)).toMatchObject({
      service: 'members',
      koperasiId: gedawang.id,
    });

    const yesterday = wibDay(-1);
    const empty = await auditorFiles.get(
      `/audit/export/events?format=csv&from=${yesterday}&to=${yesterday}`,
    );
    expect(empty.text.split('\r\n').filter((line) => line !== '')).toHaveLength(1);

    const entries = await auditorFiles.get(
      `/audit/export/entries?format=csv&from=${today}&to=${today}`,
    );
    expect(entries.status).toBe(200);
    const entryRows = entries.text.split('\r\n').filter((line) => line !== '');
    expect(entryRows[0]).toMatch(/^entry_id,koperasi_id,occurred_at/);
    const depositLines = entryRows.filter((row) => row.includes(depositEventId));
    expect(depositLines).toHaveLength(2);
    expect(depositLines[0]).toContain(`,111000,${DEPOSIT_RP},0,`);
    expect(depositLines[1]).toContain(`,211000,0,${DEPOSIT_RP},`);
    const entriesJsonl = await auditorFiles.get(
      `/audit/export/entries?format=jsonl&from=${today}&to=${today}`,
    );
    const entryRecords = entriesJsonl.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      entryRecords.every((entry: { koperasiId: string }) => entry.koperasiId === gedawang.id),
    ).toBe(true);
    expect(
      entryRecords.find(
        (entry: { sourceEventId: string }) => entry.sourceEventId === depositEventId,
      ).trace,
    ).toMatchObject({
      service: 'members',
      streamId: `member-${gedawang.memberId}`,
      streamVersion: 3,
    });
    expect((await auditor.get('/audit/export/events?format=xml')).status).toBe(400);
  });

  it('given the history, when an auditor starts a replay, then the job shows progress and ends identical; another scope cannot see it', async () => {
    const started = await auditor.post('/audit/replays', {}, null);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      koperasiIds: [gedawang.id],
      source: 'stores',
      result: null,
    });
    const job = await replayWhenDone(auditor, started.body.id);
    expect(job).toMatchObject({
      status: 'done',
      error: null,
      result: { identical: true, accounts: [], members: [] },
    });
    expect(job.progress.total).toBeGreaterThan(0);
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.result.eventsReplayed).toBe(job.progress.total);
    expect((await cityAuditor.get(`/audit/replays/${started.body.id}`)).status).toBe(200);
    expect(
      (await cityAuditor.get(`/audit/replays/${started.body.id}?koperasiId=${tegalsari.id}`))
        .status,
    ).toBe(404);
    expect((await auditor.get(`/audit/replays/${randomUUID()}`)).status).toBe(404);
  });

  it('given an intact history, verify is clean; after an event is altered behind the triggers, verify names exactly that stream and version', async () => {
    const clean = await cityAuditor.get('/audit/verify');
    expect(clean.status).toBe(200);
    expect(clean.body.ok).toBe(true);
    expect(
      clean.body.stores.find((store: { service: string }) => store.service === 'members'),
    ).toMatchObject({ status: 'ok', breaks: [] });
    expect(clean.body.ledger).toMatchObject({
      status: 'ok',
      unbalancedEntries: [],
      balanceMismatches: [],
    });

    const members = new pg.Client({ connectionString: suite.databaseUrl('members') });
    await members.connect();
    try {
      await members.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await members.query(
        `UPDATE events SET data = jsonb_set(data, '{amountRp}', '5000000') WHERE event_id = $1`,
        [depositEventId],
      );
      await members.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    } finally {
      await members.end();
    }
    const tampered = await cityAuditor.get('/audit/verify');
    expect(tampered.body.ok).toBe(false);
    const store = tampered.body.stores.find(
      (candidate: { service: string }) => candidate.service === 'members',
    );
    expect(store.status).toBe('broken');
    expect(store.breaks).toEqual([
      {
        streamId: `member-${gedawang.memberId}`,
        streamVersion: 3,
        reason: expect.stringMatching(/hash/),
      },
    ]);
    const otherKoperasi = await cityAuditor.get(
      `/audit/verify?koperasiId=${tegalsari.id}&service=members`,
    );
    expect(otherKoperasi.body).toMatchObject({ ok: true, ledger: null });
  });

  it('given the altered event, when the auditor replays, then the rebuilt books differ from the live ones exactly where that event posts', async () => {
    const started = await auditor.post('/audit/replays', {}, null);
    const job = await replayWhenDone(auditor, started.body.id);
    expect(job.status).toBe('done');
    expect(job.result.identical).toBe(false);
    expect(job.result.entries.listed).toEqual([
      expect.objectContaining({ sourceEventId: depositEventId, kind: 'different' }),
    ]);
    // Kas differs as an account and as the teller's drawer (a sub-account), each naming the event.
    expect(
      new Set(
        job.result.accounts.map((difference: { accountCode: string }) => difference.accountCode),
      ),
    ).toEqual(new Set(['111000', '211000']));
    for (const difference of job.result.accounts) {
      expect(difference).toMatchObject({ koperasiId: gedawang.id, eventIds: [depositEventId] });
    }
    expect(job.result.members).toEqual([
      expect.objectContaining({
        koperasiId: gedawang.id,
        memberId: gedawang.memberId,
        eventIds: [depositEventId],
      }),
    ]);
    const tegalsariOnly = await cityAuditor.post(
      `/audit/replays?koperasiId=${tegalsari.id}`,
      {},
      null,
    );
    expect((await replayWhenDone(cityAuditor, tegalsariOnly.body.id)).result.identical).toBe(true);
  });

  it("given a drawer left open yesterday, a closed one and another koperasi's, when the auditor reads the open items, then only its own earlier open drawer shows, today's apart", async () => {
    const opened = await gedawang.teller.post('/cash-drawer/open', { openingFloat: 500_000 });
    expect(opened.status).toBe(200);
    const gedawangTellerId: string = opened.body.tellerId;
    const tegalsariTellerId: string = (await tegalsari.teller.get('/cash-drawer')).body.tellerId;
    // The members service dates a drawer by its own clock: the earlier days' drawers are written as it keeps them.
    await insertDrawers(suite.databaseUrl('members'), [
      {
        koperasiId: gedawang.id,
        tellerId: gedawangTellerId,
        businessDate: wibDay(-1),
        status: 'OPEN',
        openingFloatRp: 300_000,
      },
      {
        koperasiId: gedawang.id,
        tellerId: gedawangTellerId,
        businessDate: wibDay(-2),
        status: 'CLOSED',
        openingFloatRp: 250_000,
      },
      {
        koperasiId: tegalsari.id,
        tellerId: tegalsariTellerId,
        businessDate: wibDay(-1),
        status: 'COUNTED',
        openingFloatRp: 200_000,
      },
    ]);

    const own = await auditor.get('/audit/open-items');
    expect(own.status).toBe(200);
    expect(own.body.koperasiName).toBe('KKMP Gedawang');
    expect(own.body.drawersNotClosed).toEqual([
      {
        tellerId: gedawangTellerId,
        tellerName: 'Teller Gedawang',
        businessDate: wibDay(-1),
        status: 'OPEN',
        openingFloat: 300_000,
        openedAt: expect.any(String),
      },
    ]);
    expect(own.body.drawersOpenToday).toEqual([
      expect.objectContaining({
        tellerId: gedawangTellerId,
        businessDate: wibDay(0),
        status: 'OPEN',
        openingFloat: 500_000,
      }),
    ]);
    const other = await cityAuditor.get(`/audit/open-items?koperasiId=${tegalsari.id}`);
    expect(other.body).toMatchObject({
      koperasiName: 'KKMP Tegalsari',
      drawersNotClosed: [
        expect.objectContaining({
          tellerName: 'Teller Tegalsari',
          businessDate: wibDay(-1),
          status: 'COUNTED',
          openingFloat: 200_000,
        }),
      ],
      drawersOpenToday: [],
    });
  });

  async function replayWhenDone(client: ApiClient, jobId: string): Promise<any> {
    let job: any;
    await waitFor(
      `replay ${jobId} to finish`,
      async () => {
        job = (await client.get(`/audit/replays/${jobId}`)).body;
        return job.status === 'done' || job.status === 'failed';
      },
      120_000,
    );
    return job;
  }

  /** What an auditor write could have changed: every event and entry the city auditor sees, and the books. */
  async function snapshot(): Promise<unknown> {
    const events = await cityAuditorFiles.get('/audit/export/events?format=jsonl');
    const entries = await cityAuditorFiles.get('/audit/export/entries?format=jsonl');
    const books = await auditor.get('/ledger/trial-balance');
    const users = await admin.call('POST', '/auth/login', {
      username: 'auditor.gdw',
      password: DEMO_PASSWORD,
    });
    return {
      events: events.text,
      entries: entries.text,
      books: books.body.lines,
      auditorStillLogsIn: users.status,
    };
  }
});
