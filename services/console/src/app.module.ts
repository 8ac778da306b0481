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
        { provide: APP_GUARD, useClass: SessionGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(webPages(this.config.CONSOLE_WEB_DIR)).forRoutes('{*path}');
  }
}
