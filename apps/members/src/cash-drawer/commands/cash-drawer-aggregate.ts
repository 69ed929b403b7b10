import type { CashDrawerView } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import { RefusalInTransaction, type BatchAggregate, type LoadedState } from '@koperasi/service-kit';
import {
  cashDrawerDecider,
  cashDrawerStreamId,
  type CashDrawerCommand,
  type CashDrawerEvent,
  type CashDrawerState,
} from '../domain/index.js';
import { refusalInClosedMonth } from '../../period-closing/read-model/open-month.js';
import { nextCashDrawerView, unopenedCashDrawer } from '../read-model/cash-drawer-view.js';
import { projectCashDrawerEvents } from '../read-model/project-cash-drawer-events.js';
import { cashDrawerErrorReply } from './cash-drawer-error-replies.js';

/** The decider's state with the view the counter sees, both folded from the drawer's events. */
export interface CashDrawerFold {
  state: CashDrawerState;
  /** Null before the drawer's first event; the first event names its teller and day. */
  view: CashDrawerView | null;
}

function evolve(fold: CashDrawerFold, event: CashDrawerEvent): CashDrawerFold {
  const { drawerId, tellerId, businessDate } = event.data;
  return {
    state: cashDrawerDecider.evolve(fold.state, event),
    view: nextCashDrawerView(
      fold.view ?? unopenedCashDrawer(drawerId, tellerId, businessDate),
      event,
    ),
  };
}

const UNOPENED: CashDrawerFold = { state: cashDrawerDecider.initialState(), view: null };

/** A teller's drawer of one day, for the batch handler: its stream is a handful of events, folded whole. */
export function cashDrawerAggregate(
  store: PostgresEventStore,
): BatchAggregate<CashDrawerFold, CashDrawerCommand, CashDrawerEvent> {
  return {
    decide: (command, fold) => cashDrawerDecider.decide(command, fold.state),
    evolve,
    target: (_envelope, command) => ({
      streamId: cashDrawerStreamId(command.drawerId),
      aggregateId: command.drawerId,
    }),
    load: async (_pool, targets) => {
      const loaded = new Map<string, LoadedState<CashDrawerFold>>();
      for (const { streamId } of targets) {
        const history = (await store.readStream(streamId)) as unknown as CashDrawerEvent[];
        loaded.set(streamId, { state: history.reduce(evolve, UNOPENED), version: history.length });
      }
      return loaded;
    },
    refusal: (error) => cashDrawerErrorReply(error as Parameters<typeof cashDrawerErrorReply>[0]),
    project: async (tx, changes) => {
      for (const { envelope, command, before, events, appended } of changes) {
        // The approval books the drawer back to the vault, dated now: a supervisor's bookkeeping.
        if (command.type === 'ApproveCashDrawer') {
          const closed = await refusalInClosedMonth(
            tx,
            envelope.koperasiId,
            command.now,
            'persetujuan tutup kasir',
          );
          if (closed) throw new RefusalInTransaction(closed);
        }
        const first = events[0].data;
        const view =
          before.view ?? unopenedCashDrawer(first.drawerId, first.tellerId, first.businessDate);
        await projectCashDrawerEvents(
          tx,
          envelope.koperasiId,
          view,
          events,
          appended[appended.length - 1].streamVersion,
        );
      }
    },
    reply: ({ after }) => after.view,
  };
}
