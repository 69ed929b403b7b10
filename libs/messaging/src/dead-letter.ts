import type { KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  error: unknown;
}

/** The original message, unchanged, with where it came from and why it could not be taken. */
export async function sendToDeadLetter(
  producer: Producer,
  deadLetterTopic: string,
  letters: DeadLetter[],
): Promise<void> {
  if (letters.length === 0) return;
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: letters.map((letter) => ({
      key: letter.message.key,
      value: letter.message.value,
      headers: {
        ...letter.message.headers,
        'dlq-source-topic': letter.topic,
        'dlq-source-partition': String(letter.partition),
        'dlq-source-offset': letter.message.offset,
        'dlq-consumer': letter.consumer,
        'dlq-error': describe(letter.error),
        'dlq-at': new Date().toISOString(),
      },
    })),
  });
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
