import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@koperasi/contracts';
import type { Message } from 'kafkajs';

/**
 * Envelopes as the members service's relay publishes them: one stream per member, versions counting up,
 * data shaped like apps/members/src/domain/member-events.ts.
 */
export class MemberStream {
  private version = 0;
  readonly streamId: string;

  constructor(
    readonly koperasiId: string,
    readonly memberId: string = randomUUID(),
  ) {
    this.streamId = `member-${memberId}`;
  }

  registered(): EventEnvelope {
    return this.next('MemberRegistered', {
      memberId: this.memberId,
      koperasiId: this.koperasiId,
      memberNo: '0001',
      nik: '3374105507900001',
      sex: 'F',
      birthDate: '1990-07-15',
      fullName: 'Siti Rahayu',
      birthPlace: 'Semarang',
      address: 'Jl. Gedawang 1',
      kelurahan: 'Gedawang',
      phone: null,
      joinedAt: new Date().toISOString(),
      simpananPokokRp: 25_000,
      simpananWajibMonthlyRp: 15_000,
    });
  }

  pokokPaid(amountRp: unknown, tellerId: string): EventEnvelope {
    return this.next('SimpananPokokPaid', { memberId: this.memberId, amountRp, tellerId });
  }

  wajibPaid(periods: string[], amountRp: number, tellerId: string): EventEnvelope {
    return this.next('SimpananWajibPaid', { memberId: this.memberId, amountRp, tellerId, periods });
  }

  sukarelaDeposited(amountRp: number, tellerId: string): EventEnvelope {
    return this.next('SimpananSukarelaDeposited', { memberId: this.memberId, amountRp, tellerId });
  }

  sukarelaWithdrawn(amountRp: number, tellerId: string): EventEnvelope {
    return this.next('SimpananSukarelaWithdrawn', { memberId: this.memberId, amountRp, tellerId });
  }

  resigned(
    payouts: {
      pokokPayoutRp: number;
      wajibPayoutRp: number;
      sukarelaPayoutRp: number;
      amountRp: number;
    },
    tellerId: string,
  ): EventEnvelope {
    return this.next('MemberResigned', {
      memberId: this.memberId,
      tellerId,
      resignedAt: new Date().toISOString(),
      ...payouts,
    });
  }

  private next(type: string, data: unknown): EventEnvelope {
    this.version += 1;
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      streamId: this.streamId,
      streamVersion: this.version,
      koperasiId: this.koperasiId,
      occurredAt: new Date().toISOString(),
      actor: 'teller-test',
      correlationId: randomUUID(),
      causationId: null,
      data,
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    };
  }
}

export function toKafkaMessage(event: EventEnvelope): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: { 'event-id': event.eventId },
  };
}
