import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { ALL_COMMAND_TOPICS, namespaced, replyTopicOf, type CommandEnvelope, type CommandReply } from '@koperasi/contracts';
import { Partitioners } from 'kafkajs';
import { firstValueFrom, timeout } from 'rxjs';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CommandOutcomeUnknownError, type CommandSender } from './command-sender.js';

const RETRY_BASE_DELAY_MS = 500;
const RETRY_MAX_DELAY_MS = 5000;

export const COMMAND_TOPICS: string[] = ALL_COMMAND_TOPICS;

/** Kafka request-reply through Nest's ClientKafka; replies come back on `<topic>.reply`. */
@Injectable()
export class KafkaCommandSender implements CommandSender, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaCommandSender');
  readonly client: ClientKafka;
  private connected = false;
  private stopping = false;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.client = new ClientKafka({
      client: { clientId: 'gateway', brokers: config.kafkaBrokers },
      consumer: { groupId: namespaced('gateway-replies') },
      // Keep the ids as configured; Nest would otherwise append "-client".
      postfixId: '',
      // Keyed messages: one member's commands land on one partition, so the service sees them in order.
      producer: { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
    });
    for (const topic of COMMAND_TOPICS) this.client.subscribeToResponseOf(topic);
  }

  /** Connects in the background so the gateway starts (live, not ready) while Kafka is still coming up. */
  onApplicationBootstrap(): void {
    void this.connectWithRetry();
  }

  private async connectWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.client.connect();
        this.connected = true;
        this.logger.log('connected to Kafka');
        return;
      } catch (error) {
        const delayMs = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * attempt);
        this.logger.warn(`Kafka connect attempt ${attempt} failed (${String(error)}); retrying in ${delayMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /** Ready once every reply topic has a partition assigned to us: before that a send cannot name its reply partition. */
  isReady(): boolean {
    if (!this.connected) return false;
    const assigned = this.client.getConsumerAssignments();
    return COMMAND_TOPICS.every((topic) => assigned[replyTopicOf(topic)] !== undefined);
  }

  async send<TPayload, TResult>(topic: string, key: string, envelope: CommandEnvelope<TPayload>): Promise<CommandReply<TResult>> {
    try {
      return await firstValueFrom(
        this.client.send<CommandReply<TResult>>(topic, { key, value: envelope }).pipe(timeout(this.config.commandTimeoutMs)),
      );
    } catch (error) {
      this.logger.warn(`command ${envelope.commandId} on ${topic}: outcome unknown (${String(error)})`);
      throw new CommandOutcomeUnknownError(topic, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.connected = false;
    await this.client.close();
  }
}
