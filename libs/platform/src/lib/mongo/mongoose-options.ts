import type { MongooseModuleFactoryOptions } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import type { PlatformConfig } from '../platform.tokens';

/**
 * Process-wide Mongoose settings: unknown query fields are dropped and query filters are sanitised
 * (`$`-operators in user input are neutralised). Wrap a deliberate operator with mongoose.trusted().
 */
export function applyMongooseSettings(): void {
  mongoose.set('strictQuery', true);
  mongoose.set('sanitizeFilter', true);
}

/** Connection options. No transactions are used anywhere: the local engine (FerretDB) has none. */
export function mongooseOptions(config: PlatformConfig): MongooseModuleFactoryOptions {
  return {
    uri: config.MONGO_URL,
    dbName: config.MONGO_DB,
    // Fail a start-up against an unreachable server within about a minute instead of several.
    serverSelectionTimeoutMS: 10_000,
    retryAttempts: 5,
    retryDelay: 2_000,
  };
}
