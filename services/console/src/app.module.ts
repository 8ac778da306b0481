import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { PLATFORM_CONFIG, PlatformModule } from '@buqi/platform';
import { ACCOUNT_MODEL, accountSchema } from './accounts/account.schema';
import { Accounts } from './accounts/accounts';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsFeed } from './alerts/alerts-feed';
import type { ConsoleConfig } from './config';
import { GatewayController } from './gateway/gateway.controller';
import { AccountsController } from './http/accounts.controller';
import { AuthController } from './http/auth.controller';
import { SessionGuard } from './http/session.guard';
import { webPages } from './pages/web-pages';
import { JobQueues } from './queues/job-queues';
import { QueuesBoardMiddleware } from './queues/queues-board.middleware';
import { serviceInfo } from './service-info';
import { SessionStore } from './sessions/session-store';
import { SignInThrottle } from './sessions/sign-in-throttle';
import { JwksController } from './tokens/jwks.controller';
import { ServiceTokens } from './tokens/service-tokens';

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig) {}

  static register(config: ConsoleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: serviceInfo.name, config }),
        MongooseModule.forFeature([{ name: ACCOUNT_MODEL, schema: accountSchema }]),
      ],
      controllers: [AuthController, AccountsController, JwksController, GatewayController, AlertsController],
      providers: [
        Accounts,
        AlertsFeed,
        SessionStore,
        SignInThrottle,
        ServiceTokens,
        JobQueues,
        // One instance: the global guard, and what the queues board (no Nest route) asks.
        SessionGuard,
        { provide: APP_GUARD, useExisting: SessionGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // The board checks the session itself (it is not a Nest route) and passes on other paths.
    consumer.apply(QueuesBoardMiddleware).forRoutes('{*path}');
    consumer.apply(webPages(this.config.CONSOLE_WEB_DIR)).forRoutes('{*path}');
  }
}
