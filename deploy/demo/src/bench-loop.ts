import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DevIssuer } from '@buqi/auth';
import { createServicesClient, ServiceCallError } from '@buqi/services-client';
import { RESTROOMS } from './campus';
import { nh3 } from './simulate';
import { demoSettings } from './settings';

/**
 * How long the loop takes to turn, as people see it: from a sensor's foul-air batch to the work
 * order showing in the console (through asset-inventory's rules, budget-allocation's funding rule
 * and work-orders), p50 and p99 over N loops, against the product `npm start` runs. Each loop uses
 * a restroom and sensor of its own (bench assets NY-RR-2xx / NY-DV-2xx, added to the demo campus
 * once), so every batch opens a new shortfall.
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register deploy/demo/src/bench-loop.ts [--loops=50]
 */
async function main(): Promise<void> {
  const loops = Number(process.argv.find((a) => a.startsWith('--loops='))?.split('=')[1] ?? 50);
  const settings = demoSettings();
  const buqi = createServicesClient(settings.services);
  const issuer = await DevIssuer.open(settings.signingKeyDir);
  const manager = await issuer.sign({ sub: 'bench', roles: ['asset-manager'] }, { ttl: '2h' });

  // The supervisor's view, through the console, as the page reads it.
  const signIn = await fetch(`${settings.consoleUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'chen.zhuguan', password: settings.demoPassword }),
  });
  if (!signIn.ok)
    throw new Error(
      `the supervisor could not sign in to the console (${signIn.status}): run npm start first`,
    );
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const visible = async (orderId: string) =>
    (await fetch(`${settings.consoleUrl}/api/work-orders/work-orders/${orderId}`, { headers: { cookie } }))
      .status === 200;

  const template = RESTROOMS[0];
  const run = Date.now().toString(36).slice(-4);
  const latencies: number[] = [];
  for (let i = 0; i < loops; i++) {
    const n = String(200 + ((Date.now() / 1000 + i) % 799 | 0)).padStart(3, '0');
    const restroom = `NY-RR-${n}`;
    const sensor = `NY-DV-${n}`;
    try {
      await buqi.inventory.registerRestroom(manager, {
        ...template,
        code: restroom,
        name: `基准测试卫生间 ${run}-${i}`,
      });
    } catch (err) {
      if (!(err instanceof ServiceCallError && err.status === 409)) throw err;
      continue; // taken by an earlier run: its shortfall may be open already
    }
    const device = await buqi.inventory.registerMonitoringDevice(manager, {
      code: sensor,
      name: `基准测试传感器 ${run}-${i}`,
      zone: 'A',
      building: 'B01',
      location: template.location,
      department: template.department,
      installedOn: '2024-01-01',
      criticality: 3,
      expectedLifeYears: 8,
      replacementCostFen: 120_000,
      device: {
        kind: 'nh3-sensor',
        watches: { assetId: restroom },
        reportingIntervalSeconds: 60,
        power: 'mains',
        link: 'wired',
      },
    });
    // The sensor's state must have reached budget-allocation before its shortfall does.
    await sleep(1_500);
    const now = Date.now();
    const readings = Array.from({ length: 20 }, (_, k) => nh3('foul', new Date(now - (19 - k) * 60_000)));
    const order = `wo-rem-${restroom}-sensor-threshold-1`;
    const t0 = performance.now();
    await buqi.inventory.postReadings(device.apiKey, { readings });
    for (;;) {
      if (await visible(order)) break;
      if (performance.now() - t0 > 120_000) throw new Error(`${order} did not show within 120 s`);
      await sleep(50);
    }
    latencies.push(performance.now() - t0);
    process.stdout.write(`loop ${i + 1}/${loops}: ${latencies.at(-1)?.toFixed(0)} ms\n`);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  console.log(
    `shortfall → work order visible in the console, ${sorted.length} loops: p50 ${at(50).toFixed(0)} ms, p99 ${at(99).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
  );
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
