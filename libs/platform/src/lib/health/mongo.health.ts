import { getConnectionToken } from '@nestjs/mongoose';
import { ConnectionStates, type Connection } from 'mongoose';
import { registerHealthCheck } from './register-health-check';

export const mongoHealthCheck = registerHealthCheck({
  name: 'mongo',
  inject: [getConnectionToken()],
  useFactory: (connection: Connection) => async () => {
    if (connection.readyState !== ConnectionStates.connected || !connection.db) {
      throw new Error(`connection is ${ConnectionStates[connection.readyState] ?? 'unknown'}`);
    }
    await connection.db.command({ ping: 1 });
  },
});
