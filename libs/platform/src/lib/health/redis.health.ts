import { RedisConnectionManager } from '../redis/redis-connection.manager';
import { registerHealthCheck } from './register-health-check';

export const redisHealthCheck = registerHealthCheck({
  name: 'redis',
  inject: [RedisConnectionManager],
  useFactory: (redis: RedisConnectionManager) => async () => {
    // Commands queue while disconnected (BullMQ settings), so a PING would only time out: say why instead.
    if (redis.client.status !== 'ready') {
      const cause = redis.lastError ? `: ${redis.lastError.message}` : '';
      throw new Error(`connection is ${redis.client.status}${cause}`);
    }
    await redis.client.ping();
  },
});
