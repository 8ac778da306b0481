import type { FactoryProvider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OUTBOX_FIELD } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';

/**
 * Declares that documents of a feature's Mongoose model carry an outbox, so the relay publishes
 * their events. Put it in the feature module's `providers`, beside `MongooseModule.forFeature`:
 * `providers: [registerOutbox(Site.name), …]`. A schema without `aggregatePlugin` stops the start.
 */
export function registerOutbox(modelName: string): FactoryProvider {
  return {
    provide: Symbol(`outbox:${modelName}`),
    inject: [OutboxRelay, getModelToken(modelName)],
    useFactory: (relay: OutboxRelay, model: Model<unknown>) => {
      if (!model.schema.path(OUTBOX_FIELD))
        throw new Error(
          `registerOutbox(${modelName}): its schema does not declare the outbox; add aggregatePlugin, or Mongoose will drop the events`,
        );
      relay.addCollection(model.collection.collectionName);
      return modelName;
    },
  };
}
