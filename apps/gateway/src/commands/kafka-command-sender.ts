import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  COMMAND_HEADER,
  COMMAND_REPLY_TOPIC,
  commandTopicOf,
  namespaced,
  type CommandEnvelope,
  type CommandReply,
} from '@koperasi/contracts';
import { retryUntilReachable } from '@koperasi/platform';
import { BatchedKafkaClient } from '@koperasi/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CommandOutcomeUnknownError, type CommandSender } from './command-sender.js';

/** Kafka request-reply, batched both ways (BatchedKafkaClient); replies come back on COMMAND_REPLY_TOPIC. */
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
      replyTopic: COMMAND_REPLY_TOPIC,
      timeoutMs: config.commandTimeoutMs,
    });
  }

  /** Connects in the background so the gateway starts (live, not ready) while Kafka is still coming up. */
  onApplicationBootstrap(): void {
    retryUntilReachable(() => this.client.connect(), {
      what: 'reach Kafka for the command replies',
      warn: (message) => this.logger.warn(message),
      stopped: () => this.stopping,
    }).then(
      () => this.logger.log('connected to Kafka'),
      (error: unknown) => {
        if (!this.stopping) this.logger.error(`Kafka client did not start: ${String(error)}`);
      },
    );
  }

  isReady(): boolean {
    return this.client.isReady();
  }

  async send<TPayload, TResult>(
    command: string,
    key: string,
    envelope: CommandEnvelope<TPayload>,
  ): Promise<CommandReply<TResult>> {
    try {
      return (await this.client.send(commandTopicOf(command), key, envelope, {
        [COMMAND_HEADER]: command,
      })) as CommandReply<TResult>;
    } catch (error) {
      this.logger.warn(
        `command ${envelope.commandId} ${command}: outcome unknown (${String(error)})`,
      );
      throw new CommandOutcomeUnknownError(command, error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client.close();
  }
}
