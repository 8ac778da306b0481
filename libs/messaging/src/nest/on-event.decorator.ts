import { SetMetadata } from '@nestjs/common';
import type { EventContract } from '@buqi/contracts';
import type { EventHandler, HandlerOptions } from '../consumer/event-consumer';

export const ON_EVENT = 'buqi:on-event';
export const ON_EVENT_OPTIONS = 'buqi:on-event-options';

/**
 * Declares a provider method as the handler of a contract's topic. Handlers are found when the
 * application starts, before the consumer joins its group; the method's type is checked against the
 * contract, so a handler for the wrong payload does not compile.
 */
export function OnEvent<C extends EventContract>(contract: C, options: HandlerOptions = {}) {
  return <H extends EventHandler<C>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): TypedPropertyDescriptor<H> => {
    SetMetadata(ON_EVENT, contract)(target, key, descriptor);
    SetMetadata(ON_EVENT_OPTIONS, options)(target, key, descriptor);
    return descriptor;
  };
}
