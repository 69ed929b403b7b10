import type { NewEvent } from '@koperasi/contracts';
import type { PostgresEventStore } from '@koperasi/eventstore';
import type { LoadedState, StreamTarget } from './decider-command-handler.js';

/** Each target's stream read whole (one query) and folded from `initial`: for streams that stay short. */
export async function foldStreams<S, E extends NewEvent>(
  store: PostgresEventStore,
  targets: StreamTarget[],
  evolve: (state: S, event: E) => S,
  initial: S,
): Promise<Map<string, LoadedState<S>>> {
  const streams = await store.readStreams(targets.map(({ streamId }) => streamId));
  const loaded = new Map<string, LoadedState<S>>();
  for (const [streamId, history] of streams) {
    const events = history as unknown as E[];
    loaded.set(streamId, { state: events.reduce(evolve, initial), version: events.length });
  }
  return loaded;
}
