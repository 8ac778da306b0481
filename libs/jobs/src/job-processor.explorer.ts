import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { jobProcessorOf, type JobHandler } from './job-processor.decorator';
import { JobProcessorRegistry } from './job-processor.registry';
import type { JobData, QueueDefinition } from './queue-definition';

type Wrapper = ReturnType<DiscoveryService['getProviders']>[number];
/** The decorator checked each method against its queue; here they are handled alike. */
type SomeQueue = QueueDefinition<Record<string, JobData>>;

interface Found {
  readonly method: string;
  readonly queue: SomeQueue;
  readonly name: string;
}

/** Finds every @JobProcessor method of the app's providers and registers it, before the workers start. */
@Injectable()
export class JobProcessorExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly registry: JobProcessorRegistry,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const found = this.processorsOf(wrapper);
      // A scoped provider has no single instance to run jobs on; skipping it would lose its jobs.
      if (found.length > 0 && !wrapper.isDependencyTreeStatic()) {
        throw new Error(`${String(wrapper.name)} has @JobProcessor methods but is not a singleton provider`);
      }
      const instance = wrapper.instance as Record<string, JobHandler<SomeQueue, string>>;
      for (const { method, queue, name } of found) {
        this.registry.register(
          queue,
          name,
          instance[method].bind(instance),
          `${String(wrapper.name)}.${method}`,
        );
      }
    }
    for (const wrapper of this.discovery.getControllers()) {
      if (this.processorsOf(wrapper).length > 0) {
        throw new Error(
          `${String(wrapper.name)} is a controller; put its @JobProcessor methods in a provider`,
        );
      }
    }
  }

  private processorsOf(wrapper: Wrapper): Found[] {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object') return [];
    const prototype: object | null = Object.getPrototypeOf(instance);
    if (!prototype) return [];
    return this.scanner.getAllMethodNames(prototype).flatMap((method) => {
      const target = jobProcessorOf((prototype as Record<string, unknown>)[method]);
      return target ? [{ method, queue: target.queue as SomeQueue, name: target.name }] : [];
    });
  }
}
