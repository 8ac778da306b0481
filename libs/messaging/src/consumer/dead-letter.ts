import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { dlqTopic } from '@buqi/contracts';
import { DLQ_H } from '../kafka/headers';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  group: string;
  attempts: number;
  error: Error;
}

/** Publishes the original key, value and headers unchanged, plus headers saying what went wrong. */
export async function sendToDeadLetter(
  producer: Producer,
  dl: DeadLetter,
  topicPrefix = '',
  now = new Date(),
): Promise<void> {
  const headers: IHeaders = {
    ...dl.message.headers,
    [DLQ_H.error]: dl.error.message.slice(0, 2_000),
    [DLQ_H.errorClass]: dl.error.name,
    [DLQ_H.topic]: dl.topic,
    [DLQ_H.partition]: String(dl.partition),
    [DLQ_H.offset]: dl.message.offset,
    [DLQ_H.group]: dl.group,
    [DLQ_H.attempts]: String(dl.attempts),
    [DLQ_H.failedAt]: now.toISOString(),
  };
  await producer.send({
    topic: topicPrefix + dlqTopic(dl.topic),
    acks: -1,
    messages: [{ key: dl.message.key, value: dl.message.value, headers }],
  });
}
