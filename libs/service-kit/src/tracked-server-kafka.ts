import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { CommandConsumerState } from './command-consumer-state.js';

/**
 * Nest's Kafka server with the consumer's group membership reported to `state`. The listeners go on before
 * `consumer.run()`, which waits for the first join: attached afterwards they would miss it.
 */
export class TrackedServerKafka extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly state: CommandConsumerState,
  ) {
    super(options);
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    consumer.on(consumer.events.GROUP_JOIN, (event) => this.state.joined(event.payload.memberAssignment));
    for (const event of [consumer.events.REBALANCING, consumer.events.STOP, consumer.events.CRASH, consumer.events.DISCONNECT]) {
      consumer.on(event as typeof consumer.events.STOP, () => this.state.lost());
    }
  }

  override async close(): Promise<void> {
    this.state.lost();
    await super.close();
  }
}
