export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
/** Redis for the topic-creation lock; absent when the application runs without Redis. */
export const TOPIC_LOCK_REDIS = Symbol('TOPIC_LOCK_REDIS');
/** The consumer group's lag, read for the `buqi.messaging.consumer.lag` gauge (a CachedReading). */
export const CONSUMER_LAG_GAUGE = Symbol('CONSUMER_LAG_GAUGE');
