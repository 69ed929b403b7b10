import type { PostgresEventStore } from '@koperasi/eventstore';
import { foldStreams, type BatchAggregate } from '@koperasi/service-kit';
import {
  decideClosePeriod,
  periodClosingStreamId,
  evolvePeriodClosing,
  initialPeriodClosingState,
  type ClosePeriod,
  type PeriodClosed,
  type PeriodClosingState,
} from '../domain/index.js';
import { lockClosings } from '../read-model/open-month.js';
import { periodClosingView, projectPeriodClosed } from '../read-model/project-period-closed.js';
import { periodClosingErrorReply } from './period-closing-error-replies.js';

/**
 * Tutup buku, for the batch handler: a koperasi's closings are one stream, a handful a year, folded whole.
 * Its writing transaction takes the koperasi's closings lock exclusive before appending, so bookkeeping in
 * flight (which holds it shared) commits first and none commits into the month after; two closings at once
 * meet on the stream's version, and the second is decided again on the first.
 */
export function periodClosingAggregate(
  store: PostgresEventStore,
): BatchAggregate<PeriodClosingState, ClosePeriod, PeriodClosed> {
  return {
    decide: decideClosePeriod,
    evolve: evolvePeriodClosing,
    target: (envelope) => ({
      streamId: periodClosingStreamId(envelope.koperasiId),
      aggregateId: envelope.koperasiId,
    }),
    load: (_pool, targets) =>
      foldStreams(store, targets, evolvePeriodClosing, initialPeriodClosingState),
    beforeAppend: async (tx, commands) => {
      for (const koperasiId of new Set(commands.map(({ envelope }) => envelope.koperasiId)))
        await lockClosings(tx, koperasiId);
    },
    refusal: (error) =>
      periodClosingErrorReply(error as Parameters<typeof periodClosingErrorReply>[0]),
    project: async (tx, changes) => {
      for (const { envelope, events } of changes)
        for (const event of events) await projectPeriodClosed(tx, envelope.koperasiId, event.data);
    },
    // A closing of the month already closed decides nothing and is answered with that closing.
    reply: ({ envelope, command, after }) =>
      periodClosingView(
        envelope.koperasiId,
        after.closings.find((closing) => closing.month === command.month)!,
      ),
  };
}
