import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventContract } from '@buqi/contracts';
import type { EventHandler, HandlerOptions } from '../consumer/event-consumer';
import { ON_EVENT, ON_EVENT_OPTIONS } from './on-event.decorator';

export interface DiscoveredHandler {
  contract: EventContract;
  handler: EventHandler<EventContract>;
  options: HandlerOptions;
  /** `Class.method`, for messages. */
  name: string;
}

/** Finds every `@OnEvent` method on the application's providers. */
@Injectable()
export class HandlerExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  explore(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const contract = Reflect.getMetadata(ON_EVENT, fn) as EventContract | undefined;
        if (!contract) continue;
        found.push({
          contract,
          handler: (fn as EventHandler<EventContract>).bind(instance),
          options: (Reflect.getMetadata(ON_EVENT_OPTIONS, fn) as HandlerOptions | undefined) ?? {},
          name: `${instance.constructor.name}.${method}`,
        });
      }
    }
    return found;
  }
}
