export * from './messaging.options';
export * from './messaging.logger';
export * from './messaging.module';
export * from './event-publisher';
export * from './outbox/outbox';
export * from './outbox/create-event';
export * from './outbox/outbox-relay';
export { TopicDirectory } from './outbox/topic-directory';
export type { ParkedView, RelayStatus } from './outbox/relay-status';
export * from './consumer/event-consumer';
export * from './consumer/errors';
export type { ConsumerHealth, ConsumerState } from './consumer/consumer-monitor';
export { ProcessedEvents, type ProcessedOutcome } from './consumer/processed-events';
export { readConsumerLag, type PartitionLag } from './consumer/consumer-lag';
export * from './consumer/dead-letter-redriver';
export { createKafka, createProducer, ensureTopics } from './kafka/kafka.factory';
export { checkKafka } from './kafka/kafka.health';
export { H as EVENT_HEADERS, DLQ_H as DEAD_LETTER_HEADERS, headerString } from './kafka/headers';
export * from './consumer/apply-once';
export { MessagingMetrics, type ConsumeOutcome } from './messaging.metrics';
export { OnEvent } from './nest/on-event.decorator';
export { registerOutbox } from './nest/register-outbox';
export {
  aggregatePlugin,
  INTERNAL_FIELDS,
  VERSION_FIELD,
  WITHOUT_INTERNAL_FIELDS,
} from './persistence/aggregate.plugin';
export { AggregateStore, type Aggregate, type ApplyResult } from './persistence/aggregate-store';
export { VersionConflictError } from './persistence/version-conflict.error';
export { applyLatestState } from './persistence/latest-state';
