import { randomUUID } from 'node:crypto';
import { chainHash, PostgresEventStore } from '@koperasi/eventstore';
import { verifyStores, type VerifyResult } from '../../src/audit/index.js';
import { AuditHistoryFixture } from './audit-history-fixture.js';

interface EventRowForTest {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  data: Record<string, unknown>;
  hash: string;
}

describe('audit verify: hash chains of every store, and Kafka against the stores', () => {
  const history = new AuditHistoryFixture();
  const totalEvents = 3_000;

  beforeAll(async () => {
    await history.create({ events: totalEvents, koperasiCount: 4, publish: true });
  }, 120_000);

  afterAll(async () => {
    await history.drop();
  });

  const verify = (withKafka: boolean): Promise<VerifyResult> =>
    verifyStores({ stores: history.stores(), kafka: withKafka ? history.kafka : null });

  const chainOf = (result: VerifyResult, service: string) =>
    result.chains.find((chain) => chain.service === service)!;
  const kafkaOf = (result: VerifyResult, service: string) =>
    result.kafka!.find((check) => check.service === service)!;

  /** A member's sukarela deposit that has a later event in its stream. */
  async function depositWithSuccessor(): Promise<EventRowForTest> {
    const { rows } = await history.pool('members').query<EventRowForTest>(
      `SELECT e.global_position, e.stream_id, e.stream_version, e.event_id, e.data, e.hash FROM events e
       WHERE e.type = 'SimpananSukarelaDeposited'
         AND EXISTS (SELECT 1 FROM events n WHERE n.stream_id = e.stream_id AND n.stream_version = e.stream_version + 1)
       ORDER BY e.global_position LIMIT 1`,
    );
    return rows[0];
  }

  it('given a mixed history published by the relay, when verified, then every chain holds and Kafka has exactly the stored events', async () => {
    const result = await verify(true);

    expect(result.ok).toBe(true);
    expect(result.events).toBe(totalEvents);
    for (const chain of result.chains)
      expect({ service: chain.service, breakCount: chain.breakCount }).toEqual({
        service: chain.service,
        breakCount: 0,
      });
    expect(result.chains.reduce((sum, chain) => sum + chain.streams, 0)).toBeGreaterThan(100);
    for (const check of result.kafka!) {
      expect({
        service: check.service,
        issues: check.issues,
        awaitingRelay: check.awaitingRelay,
      }).toEqual({ service: check.service, issues: [], awaitingRelay: 0 });
    }
    expect(result.kafka!.reduce((sum, check) => sum + check.events, 0)).toBe(totalEvents);
  });

  it('given one deposit amount altered in the store behind the triggers, then verify names exactly that stream and version, on the chain and on Kafka', async () => {
    const victim = await depositWithSuccessor();
    await history.behindTriggers(
      'members',
      `UPDATE events SET data = jsonb_set(data, '{amountRp}', '1') WHERE event_id = $1`,
      [victim.event_id],
    );
    try {
      const result = await verify(true);

      expect(result.ok).toBe(false);
      expect(chainOf(result, 'members').breaks).toEqual([
        {
          service: 'members',
          streamId: victim.stream_id,
          streamVersion: victim.stream_version,
          eventId: victim.event_id,
          reason: 'hash does not match the event: its stored content was changed',
        },
      ]);
      expect(chainOf(result, 'billpay').breakCount + chainOf(result, 'loans').breakCount).toBe(0);
      expect(kafkaOf(result, 'members').issues).toEqual([
        expect.objectContaining({
          kind: 'differs',
          eventId: victim.event_id,
          streamId: victim.stream_id,
          streamVersion: victim.stream_version,
        }),
      ]);
      expect(kafkaOf(result, 'billpay').issueCount + kafkaOf(result, 'loans').issueCount).toBe(0);
    } finally {
      await history.behindTriggers('members', `UPDATE events SET data = $2 WHERE event_id = $1`, [
        victim.event_id,
        victim.data,
      ]);
    }
  });

  it('given an altered event whose own hash was recomputed to hide it, then the break shows at the next version', async () => {
    const victim = await depositWithSuccessor();
    const { rows } = await history
      .pool('members')
      .query(
        `SELECT event_id, type, schema_version, stream_id, stream_version, metadata, occurred_at, prev_hash FROM events WHERE event_id = $1`,
        [victim.event_id],
      );
    const row = rows[0];
    const forgedData = { ...victim.data, amountRp: 1 };
    const forgedHash = chainHash(row.prev_hash, {
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      koperasiId: row.metadata.koperasiId,
      occurredAt: row.occurred_at.toISOString(),
      actor: row.metadata.actor,
      correlationId: row.metadata.correlationId,
      causationId: row.metadata.causationId,
      data: forgedData,
    });
    await history.behindTriggers(
      'members',
      `UPDATE events SET data = $2, hash = $3 WHERE event_id = $1`,
      [victim.event_id, forgedData, forgedHash],
    );
    try {
      const result = await verify(false);

      expect(chainOf(result, 'members').breaks).toEqual([
        expect.objectContaining({
          streamId: victim.stream_id,
          streamVersion: victim.stream_version + 1,
          reason: `prev_hash is not the hash of version ${victim.stream_version}`,
        }),
      ]);
      expect(result.ok).toBe(false);
    } finally {
      await history.behindTriggers(
        'members',
        `UPDATE events SET data = $2, hash = $3 WHERE event_id = $1`,
        [victim.event_id, victim.data, victim.hash],
      );
    }
  });

  it('given an event deleted from the middle of a stream and another stream cut short, then the gap and the missing tail are named', async () => {
    const middle = await depositWithSuccessor();
    const { rows: tails } = await history
      .pool('billpay')
      .query<{ stream_id: string; version: number }>(
        `SELECT stream_id, version FROM streams WHERE version >= 2 ORDER BY stream_id LIMIT 1`,
      );
    const tail = tails[0];
    const removed = await history.behindTriggers(
      'members',
      `DELETE FROM events WHERE event_id = $1 RETURNING global_position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash`,
      [middle.event_id],
    );
    const removedTail = await history.behindTriggers(
      'billpay',
      `DELETE FROM events WHERE stream_id = $1 AND stream_version = $2 RETURNING global_position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash`,
      [tail.stream_id, tail.version],
    );
    try {
      const result = await verify(false);

      expect(chainOf(result, 'members').breaks).toEqual([
        expect.objectContaining({
          streamId: middle.stream_id,
          streamVersion: middle.stream_version + 1,
          reason: expect.stringContaining(
            `version ${middle.stream_version} expected, found ${middle.stream_version + 1}`,
          ),
        }),
      ]);
      expect(chainOf(result, 'billpay').breaks).toEqual([
        expect.objectContaining({
          streamId: tail.stream_id,
          streamVersion: tail.version,
          eventId: null,
          reason: `the streams table has the head at version ${tail.version}, the events end at version ${tail.version - 1}`,
        }),
      ]);
    } finally {
      for (const [service, removedRows] of [
        ['members', removed],
        ['billpay', removedTail],
      ] as const) {
        const [event] = removedRows.rows;
        await history.behindTriggers(
          service,
          `INSERT INTO events (global_position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            event.global_position,
            event.transaction_id,
            event.stream_id,
            event.stream_version,
            event.event_id,
            event.type,
            event.schema_version,
            event.data,
            event.metadata,
            event.occurred_at,
            event.prev_hash,
            event.hash,
          ],
        );
      }
    }
  });

  it('given a message on Kafka that no store holds, and a published event that never reached Kafka, then each is named', async () => {
    const intruder = {
      eventId: randomUUID(),
      type: 'DepositToppedUp',
      schemaVersion: 1,
      streamId: `deposit-${randomUUID()}`,
      streamVersion: 1,
      koperasiId: 'kop-x',
      occurredAt: new Date().toISOString(),
      actor: 'nobody',
      correlationId: randomUUID(),
      causationId: null,
      data: { amountRp: 5_000_000 },
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
    const producer = history.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: history.topics.billpay,
      messages: [{ key: intruder.streamId, value: JSON.stringify(intruder) }],
    });
    await producer.disconnect();
    // Appended and marked published by moving the relay's checkpoint past it, without publishing it.
    const lost = await new PostgresEventStore(history.pool('loans')).append(
      `collection-${randomUUID()}`,
      0,
      [
        {
          type: 'CollectionNoticeAcknowledged',
          schemaVersion: 1,
          data: { collectionId: 'c-1', bankRef: 'BRI-1' },
        },
      ],
      { koperasiId: 'kop-x', actor: 'loans-notifier', correlationId: randomUUID() },
    );
    await history
      .pool('loans')
      .query(
        `UPDATE relay_checkpoints SET (transaction_id, global_position) = (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1)`,
      );

    const result = await verify(true);

    expect(kafkaOf(result, 'billpay').issues).toEqual([
      expect.objectContaining({
        kind: 'kafka-only',
        eventId: intruder.eventId,
        streamId: intruder.streamId,
      }),
    ]);
    expect(kafkaOf(result, 'loans').issues).toEqual([
      expect.objectContaining({
        kind: 'missing-on-kafka',
        eventId: lost.events[0].eventId,
        streamId: lost.streamId,
        streamVersion: 1,
      }),
    ]);
    expect(kafkaOf(result, 'members').issueCount).toBe(0);
    expect(result.ok).toBe(false);
  });
});
