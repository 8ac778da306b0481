// A set-up run: the console's MongoDB indexes (accounts) made sure of, then exit (0 when done). The
// topics its alerts feed reads are the services' own, created by their set-up. Nothing is started:
// no HTTP listener, no feed. The Kubernetes set-up Job runs it (deploy/k8s); locally:
// `npx nx set-up console`. Must stay the first import (see instrumentation.ts).
import { config, telemetry } from './instrumentation';
import { setUpService } from '@buqi/platform';
import { AppModule } from './app.module';
import { serviceInfo } from './service-info';

void setUpService(AppModule.register(config), { serviceName: serviceInfo.name, telemetry });
