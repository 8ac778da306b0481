// Must stay the first import (see instrumentation.ts).
import { config, telemetry } from './instrumentation';
import { bootstrapService } from '@buqi/platform';
import { AppModule } from './app.module';
import { serviceInfo } from './service-info';

void bootstrapService(AppModule.register(config), {
  serviceName: serviceInfo.name,
  title: serviceInfo.title,
  description: serviceInfo.description,
  telemetry,
});
