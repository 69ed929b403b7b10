import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ALL_COMMAND_TOPICS,
  namespaced,
  replyTopicOf,
  type CommandEnvelope,
  type CommandReply,
} from '@koperasi/contracts';
import { BatchedKafkaClient } from '@koperasi/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CommandOutcomeUnknownError, type CommandSender } from './command-sender.js';

const RETRY_BASE_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 5000;

export const COMMAND_TOPICS: string[] = ALL_COMMAND_TOPICS;

/** Kafka request-reply, batched both ways (BatchedKafkaClient); replies come back on `<topic>.reply`. */
@Injectable()
export class KafkaCommandSender
  implements CommandSender, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('KafkaCommandSender');
  private readonly client: BatchedKafkaClient;
  private stopping = false;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.client = new BatchedKafkaClient({
      clientId: 'gateway',
      brokers: config.kafkaBrokers,
      groupId: namespaced('gateway-replies'),
      replyTopics: COMMAND_TOPICS.map(replyTopicOf),
      timeoutMs: config.commandTimeoutMs,
    });
  }

  /** Connects in the background so the gateway starts (live, not ready) while Kafka is still coming up. */
  onApplicationBootstrap(): void {
    void this.connectWithRetry();
  }

  private async connectWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.client.connect();
        this.logger.log('connected to Kafka');
        return;
      } catch (error) {
        const delayMs = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * attempt);
        this.logger.warn(
          `Kafka connect attempt ${attempt} failed (${String(error)}); retrying in ${delayMs} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  isReady(): boolean {
    return this.client.isReady();
  }

  async send<TPayload, TResult>(
    topic: string,
    key: string,
    envelope: CommandEnvelope<TPayload>,
  ): Promise<CommandReply<TResult>> {
    try {
      return (await this.client.send(
        topic,
        replyTopicOf(topic),
        key,
        envelope,
      )) as CommandReply<TResult>;
    } catch (error) {
      this.logger.warn(
        `command ${envelope.commandId} on ${topic}: outcome unknown (${String(error)})`,
      );
      throw new CommandOutcomeUnknownError(topic, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client.close();
  }
}
