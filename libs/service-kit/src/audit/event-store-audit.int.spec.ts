import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventContext, NewEvent } from '@koperasi/contracts';
import { EventStoreSchema1790000000000, PostgresEventStore } from '@koperasi/eventstore';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { PG_POOL } from '../pg-pool.js';
import { eventStoreAuditController } from './event-store-audit.controller.js';

const TOKEN = 'audit-spec-token';
const KOPERASI_A = randomUUID();
const KOPERASI_B = randomUUID();

function contextOf(koperasiId: string, commandId: string = randomUUID()): EventContext {
  return { koperasiId, actor: 'teller-1', correlationId: randomUUID(), causationId: commandId };
}

function deposit(amountRp: number): NewEvent {
  return {
    type: 'SimpananSukarelaDeposited',
    schemaVersion: 1,
    data: { amountRp, note: 'kas, "tunai"' },
  };
}

describe('event store audit controller (internal HTTP over a real PostgreSQL store)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  const memberA = `member-${randomUUID()}`;
  const memberA2 = `member-${randomUUID()}`;
  const memberB = `member-${randomUUID()}`;
  let firstCommandId: string;

  async function get(
    path: string,
    token = TOKEN,
  ): Promise<{ status: number; body: any; text: string; type: string | null }> {
    const response = await fetch(`${baseUrl}${path}`, { headers: { 'x-internal-token': token } });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, text, type: response.headers.get('content-type') };
  }

  beforeAll(async () => {
    database = await createTestDatabase('audit_ctl', [EventStoreSchema1790000000000]);
    const store = new PostgresEventStore(database.pool);
    firstCommandId = randomUUID();
    await store.append(
      memberA,
      0,
      [{ type: 'MemberRegistered', schemaVersion: 1, data: { fullName: 'Siti' } }],
      contextOf(KOPERASI_A, firstCommandId),
    );
    await store.append(memberA, 1, [deposit(25_000), deposit(15_000)], contextOf(KOPERASI_A));
    await store.append(
      memberB,
      0,
      [{ type: 'MemberRegistered', schemaVersion: 1, data: { fullName: 'Budi' } }],
      contextOf(KOPERASI_B),
    );
    await store.append(
      memberA2,
      0,
      [{ type: 'MemberRegistered', schemaVersion: 1, data: { fullName: 'Sri' } }],
      contextOf(KOPERASI_A),
    );
    await store.append(memberA2, 1, [deposit(5_000)], contextOf(KOPERASI_A));

    @Module({
      controllers: [eventStoreAuditController({ service: 'members', internalApiToken: TOKEN })],
      providers: [{ provide: PG_POOL, useValue: database.pool }],
    })
    class AuditTestModule {}
    app = await NestFactory.create(AuditTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('given no or a wrong x-internal-token, when anything is asked, then 401 and nothing is read', async () => {
    expect(
      (await get(`/internal/audit/streams/${memberA}?koperasiIds=${KOPERASI_A}`, 'wrong')).status,
    ).toBe(401);
    expect((await get(`/internal/audit/verify?koperasiIds=${KOPERASI_A}`, '')).status).toBe(401);
  });

  it('given a stream of the koperasi, when it is read, then every event comes in version order with its hash chain', async () => {
    const { status, body } = await get(
      `/internal/audit/streams/${memberA}?koperasiIds=${KOPERASI_A}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      streamId: memberA,
      koperasiId: KOPERASI_A,
      version: 3,
      nextFromVersion: null,
    });
    expect(body.events.map((event: any) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(body.events[0].prevHash).toBe('0'.repeat(64));
    expect(body.events[1].prevHash).toBe(body.events[0].hash);
    expect(body.events[2].prevHash).toBe(body.events[1].hash);
  });

  it('given a stream of another koperasi, when it is read, then it is not found, like a stream that does not exist', async () => {
    expect((await get(`/internal/audit/streams/${memberB}?koperasiIds=${KOPERASI_A}`)).status).toBe(
      404,
    );
    expect(
      (await get(`/internal/audit/streams/member-nobody?koperasiIds=${KOPERASI_A}`)).status,
    ).toBe(404);
  });

  it('given a long stream, when it is read with a limit, then it comes page by page', async () => {
    const first = await get(`/internal/audit/streams/${memberA}?koperasiIds=${KOPERASI_A}&limit=2`);
    expect(first.body.events).toHaveLength(2);
    expect(first.body.nextFromVersion).toBe(3);
    const second = await get(
      `/internal/audit/streams/${memberA}?koperasiIds=${KOPERASI_A}&fromVersion=3&limit=2`,
    );
    expect(second.body.events.map((event: any) => event.streamVersion)).toEqual([3]);
    expect(second.body.nextFromVersion).toBeNull();
  });

  it('given events of two koperasi, when one koperasi pages through them, then it gets all of its own in commit order and none of the other', async () => {
    const seen: any[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const { status, body } = await get(
        `/internal/audit/events?koperasiIds=${KOPERASI_A}&limit=2${cursor ? `&after=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.events.length).toBeLessThanOrEqual(2);
      seen.push(...body.events);
      if (body.nextCursor === null) break;
      cursor = body.nextCursor;
    }
    expect(seen.map((event) => `${event.streamId}@${event.streamVersion}`)).toEqual([
      `${memberA}@1`,
      `${memberA}@2`,
      `${memberA}@3`,
      `${memberA2}@1`,
      `${memberA2}@2`,
    ]);
    expect(new Set(seen.map((event) => event.koperasiId))).toEqual(new Set([KOPERASI_A]));
  });

  it('given a type and a time window, when events are listed, then only matching ones come', async () => {
    const byType = await get(
      `/internal/audit/events?koperasiIds=${KOPERASI_A},${KOPERASI_B}&type=MemberRegistered`,
    );
    expect(byType.body.events).toHaveLength(3);
    const future = await get(
      `/internal/audit/events?koperasiIds=${KOPERASI_A}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future.body.events).toEqual([]);
    const past = await get(
      `/internal/audit/events?koperasiIds=${KOPERASI_A}&to=2020-01-01T00:00:00%2B07:00`,
    );
    expect(past.body.events).toEqual([]);
  });

  it('given bad parameters, when events are listed, then 400 names the parameter', async () => {
    const missing = await get('/internal/audit/events');
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('koperasiIds');
    const limit = await get(`/internal/audit/events?koperasiIds=${KOPERASI_A}&limit=5000`);
    expect(limit.status).toBe(400);
    expect(limit.body.message).toContain('limit');
    const cursor = await get(`/internal/audit/events?koperasiIds=${KOPERASI_A}&after=abc`);
    expect(cursor.status).toBe(400);
  });

  it('given an event id, when it is read, then actor, correlationId and causationId come with it; another koperasi gets 404', async () => {
    const stream = await get(`/internal/audit/streams/${memberA}?koperasiIds=${KOPERASI_A}`);
    const eventId = stream.body.events[0].eventId;
    const { status, body } = await get(
      `/internal/audit/events/${eventId}?koperasiIds=${KOPERASI_A}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      eventId,
      actor: 'teller-1',
      causationId: firstCommandId,
      type: 'MemberRegistered',
    });
    expect(typeof body.correlationId).toBe('string');
    expect((await get(`/internal/audit/events/${eventId}?koperasiIds=${KOPERASI_B}`)).status).toBe(
      404,
    );
    expect((await get(`/internal/audit/events/not-a-uuid?koperasiIds=${KOPERASI_A}`)).status).toBe(
      404,
    );
  });

  it('given the export as CSV and JSON Lines, when it is downloaded, then it holds exactly the koperasi events with quoted fields', async () => {
    const csv = await get(
      `/internal/audit/export/events?format=csv&koperasiIds=${KOPERASI_A}&type=SimpananSukarelaDeposited`,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(
      'service,global_position,transaction_id,stream_id,stream_version,event_id,type,schema_version,koperasi_id,occurred_at,actor,correlation_id,causation_id,data,prev_hash,hash',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`members,`);
    expect(lines[1]).toContain(`"{""amountRp"":25000,""note"":""kas, \\""tunai\\""""}"`);
    const jsonl = await get(`/internal/audit/export/events?format=jsonl&koperasiIds=${KOPERASI_B}`);
    const records = jsonl.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      service: 'members',
      streamId: memberB,
      koperasiId: KOPERASI_B,
    });
    expect(
      (await get(`/internal/audit/export/events?format=xml&koperasiIds=${KOPERASI_B}`)).status,
    ).toBe(400);
  });

  it('given an intact store, verify is clean; after an event is altered behind the triggers, verify names exactly that stream and version', async () => {
    const clean = await get(`/internal/audit/verify?koperasiIds=${KOPERASI_A},${KOPERASI_B}`);
    expect(clean.body).toMatchObject({
      service: 'members',
      ok: true,
      streamsChecked: 3,
      eventsChecked: 6,
      breaks: [],
    });

    const client = await database.pool.connect();
    try {
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      await client.query(
        `UPDATE events SET data = jsonb_set(data, '{amountRp}', '250000') WHERE stream_id = $1 AND stream_version = 2`,
        [memberA],
      );
      await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    } finally {
      client.release();
    }
    const tampered = await get(`/internal/audit/verify?koperasiIds=${KOPERASI_A}`);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.breaks).toEqual([
      {
        streamId: memberA,
        streamVersion: 2,
        reason: expect.stringContaining('hash does not match'),
      },
    ]);
    const other = await get(`/internal/audit/verify?koperasiIds=${KOPERASI_B}`);
    expect(other.body).toMatchObject({ ok: true, eventsChecked: 1 });
  });
});
