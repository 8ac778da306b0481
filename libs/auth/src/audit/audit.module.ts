import { Module, type DynamicModule } from '@nestjs/common';
import type { AuthSettings } from '../config/auth.config';
import { AUDIT_RETENTION_DAYS, AuditTrail } from './audit-trail';
import { AuditController } from './audit.controller';

/**
 * The audit trail in the service's own MongoDB (the connection PlatformModule opens). Separate
 * from AuthModule, which needs no database.
 */
@Module({})
export class AuditModule {
  static forRoot(config: Pick<AuthSettings, 'AUDIT_RETENTION_DAYS'>): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      controllers: [AuditController],
      providers: [{ provide: AUDIT_RETENTION_DAYS, useValue: config.AUDIT_RETENTION_DAYS }, AuditTrail],
      exports: [AuditTrail],
    };
  }
}
