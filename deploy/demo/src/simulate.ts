import { setTimeout as sleep } from 'node:timers/promises';
import { createServicesClient, ServiceCallError, type Reading } from '@buqi/services-client';
import { SENSOR_BEHAVIOUR, SENSORS } from './campus';
import { readKeys } from './seed';
import { demoSettings } from './settings';

const MINUTE = 60_000;

/** An NH3 reading a sensor of this behaviour gives at `at` (ppm; class-2 restrooms allow 1.44). */
export function nh3(behaviour: 'clean' | 'foul', at: Date, random = Math.random): Reading {
  const ppm = behaviour === 'foul' ? 2.6 + random() * 0.9 : 0.2 + random() * 0.4;
  return { metric: 'nh3', value: Math.round(ppm * 100) / 100, unit: 'ppm', at: at.toISOString() };
}

/**
 * The campus's sensors, reporting: most breathe clean air, one smells for its first hour (long
 * enough for the odour rule: it starts with the last 20 minutes at once), one never reports and
 * goes offline. So the loop turns where people can see it: a shortfall, its funding, a work order,
 * and escalation if nobody acts.
 */
export async function simulate(stop: AbortSignal): Promise<void> {
  const settings = demoSettings();
  const buqi = createServicesClient(settings.services);
  const keys = await readKeys(settings.deviceKeyFile);
  const startedAt = Date.now();
  let first = true;
  while (!stop.aborted) {
    const now = new Date();
    for (const sensor of SENSORS) {
      const behaviour = SENSOR_BEHAVIOUR[sensor.code] ?? 'clean';
      const key = keys[sensor.code];
      if (behaviour === 'silent' || !key) continue;
      const air = behaviour === 'foul' && now.getTime() - startedAt < 60 * MINUTE ? 'foul' : 'clean';
      const minutes = first ? 20 : 1;
      const readings = Array.from({ length: minutes }, (_, i) =>
        nh3(air, new Date(now.getTime() - (minutes - 1 - i) * MINUTE)),
      );
      try {
        await buqi.inventory.postReadings(key, { readings });
      } catch (err) {
        const why = err instanceof ServiceCallError ? `${err.status}` : (err as Error).message;
        console.error(`[simulator] ${sensor.code}: readings not taken (${why})`);
      }
    }
    first = false;
    await sleep(settings.telemetryEverySeconds * 1000, undefined, { signal: stop }).catch(() => undefined);
  }
}

if (require.main === module) {
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop.abort());
  console.log('[simulator] the campus sensors report every', demoSettings().telemetryEverySeconds, 's');
  simulate(stop.signal).catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
