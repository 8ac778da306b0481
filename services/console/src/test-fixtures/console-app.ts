// The console app in process, set up as production sets it up, on the real engines.
import { loadConfig } from '@buqi/config';
import { createServiceApp } from '@buqi/platform';
import { startServiceUnderTest, type ServiceUnderTest } from '@buqi/testing';
import { AppModule } from '../app.module';
import { consoleConfig } from '../config';
import { serviceInfo } from '../service-info';

export function startConsoleApp(scope: string, env: Record<string, string> = {}): Promise<ServiceUnderTest> {
  return startServiceUnderTest(
    scope,
    (vars) => createServiceApp(AppModule.register(loadConfig(consoleConfig, vars)), serviceInfo),
    env,
  );
}
