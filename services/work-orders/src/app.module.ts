import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@buqi/contracts';
import { serviceFoundation } from '@buqi/messaging';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';

// Topics this service publishes workorder.*; consumes remediation.funded.
const topics = [TOPICS.workOrderCompleted, TOPICS.remediationFunded];

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation({ name: serviceInfo.name, topics }, config),
        // Feature modules follow.
      ],
    };
  }
}
