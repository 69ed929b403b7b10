import type { EventEnvelope } from './event-envelope.js';

/** Turns the data of `type` at `fromVersion` into its shape at `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

const MAX_UPCAST_STEPS = 100;

/**
 * Reads an event stored at an old schema version as the current one, one version step at a time.
 * The stored event is never changed: upcasting happens on read, so the hash chain still verifies.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  register(upcaster: Upcaster): this {
    const key = stepKey(upcaster.type, upcaster.fromVersion);
    if (this.steps.has(key)) {
      throw new Error(`Upcaster for ${upcaster.type} v${upcaster.fromVersion} is registered twice`);
    }
    this.steps.set(key, upcaster);
    return this;
  }

  upcast<TEvent extends EventEnvelope>(event: TEvent): TEvent {
    let data = event.data;
    let version = event.schemaVersion;
    for (let step = 0; step < MAX_UPCAST_STEPS; step++) {
      const upcaster = this.steps.get(stepKey(event.type, version));
      if (!upcaster) return { ...event, schemaVersion: version, data };
      data = upcaster.upcast(data);
      version += 1;
    }
    throw new Error(
      `Upcasting ${event.type} from v${event.schemaVersion} took over ${MAX_UPCAST_STEPS} steps`,
    );
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
