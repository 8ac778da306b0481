import { join, resolve } from 'node:path';

/** Where the demo finds the running product, from the environment `npm start` gives it. */
export function demoSettings() {
  const env = process.env;
  const home = resolve(env['BUQI_HOME'] ?? '.buqi');
  const adminPasswordFile = join(home, 'console-admin-password');
  return {
    services: {
      assetInventory: env['ASSET_INVENTORY_URL'] ?? 'http://127.0.0.1:3101',
      budgetAllocation: env['BUDGET_ALLOCATION_URL'] ?? 'http://127.0.0.1:3102',
      workOrders: env['WORK_ORDERS_URL'] ?? 'http://127.0.0.1:3103',
    },
    consoleUrl: env['CONSOLE_URL'] ?? 'http://127.0.0.1:3100',
    signingKeyDir: resolve(env['CONSOLE_SIGNING_KEY_DIR'] ?? join(home, 'auth')),
    adminPassword: env['CONSOLE_BOOTSTRAP_ADMIN_PASSWORD'] ?? '',
    adminPasswordHint: adminPasswordFile,
    demoPassword: env['DEMO_PASSWORD'] ?? 'buqi-demo-2026',
    deviceKeyFile: join(home, 'demo', 'device-keys.json'),
    /** Seconds between two rounds of readings. */
    telemetryEverySeconds: Number(env['DEMO_TELEMETRY_EVERY'] ?? 60),
  };
}
