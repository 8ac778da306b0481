import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@buqi/contracts';
import { messagingFromConfig, MessagingModule } from '@buqi/messaging';
import { PlatformModule } from '@buqi/platform';
import type { ServiceConfig } from './config';
import { serviceInfo } from './service-info';

@Module({})
export class AppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: serviceInfo.name, config }),
        // Topics this service publishes remediation.funded; consumes shortfall.* and completed work.
        MessagingModule.forRoot(
          messagingFromConfig(config, {
            name: serviceInfo.name,
            topics: [TOPICS.remediationFunded, TOPICS.shortfallDetected, TOPICS.shortfallResolved, TOPICS.workOrderCompleted].map((topic) => ({ topic })),
          }),
        ),
        // Feature modules follow.
      ],
    };
  }
}
