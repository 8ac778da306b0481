// A set-up run: this service's MongoDB indexes and Kafka topics made sure of, then exit (0 when
// done). Nothing is started: no HTTP listener, consumer, relay or job. The Kubernetes set-up Job runs
// it (deploy/k8s); locally: `npx nx set-up work-orders`. Must stay the first import (see instrumentation.ts).
import { config, telemetry } from './instrumentation';
import { setUpService } from '@buqi/platform';
import { AppModule } from './app.module';
import { serviceInfo } from './service-info';

void setUpService(AppModule.register(config), { serviceName: serviceInfo.name, telemetry });
