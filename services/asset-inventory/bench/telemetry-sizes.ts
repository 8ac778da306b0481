import { BSON } from 'mongodb';
import { numberArg } from '@buqi/testing';
import { bucketWrites, HOUR_MS } from '../src/telemetry/domain/buckets';
import { deviceCode, message } from './telemetry-load';

/**
 * The sizes docs/capacity.md builds on, computed from the code that makes them (no engine needed):
 * a device.telemetry.v1 message as a gateway sends it (the benchmark's own message builder: NH3 and
 * temperature measured together every step, with battery, signal and the event envelope) and an hour
 * bucket of `telemetry_readings` as the service's upserts leave it, in BSON bytes (what MongoDB
 * counts, before WiredTiger compresses it on disk).
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register services/asset-inventory/bench/telemetry-sizes.ts -- --per-message=2 --step-s=60
 * --per-message: readings in one message (even: NH3 and temperature pairs, one pair per step);
 * --step-s: seconds between a device's measurements. A bucket's size depends on the step only.
 */
function main(): void {
  const perMessage = numberArg('per-message', 2);
  const stepS = numberArg('step-s', 60);
  if (perMessage % 2 !== 0) throw new Error('--per-message must be even (NH3 and temperature pairs)');
  const hour = Date.UTC(2026, 2, 2, 8);
  const device = deviceCode(1234);
  const messageSpanMs = (perMessage / 2) * stepS * 1000;

  const first = message(device, hour, perMessage, stepS * 1000, 1);
  const messageBytes = first.value.length + Buffer.byteLength(first.key);

  // The hour's messages, applied as the upserts apply them: $set of device, hour and units, $max/$min
  // of each reading at its offset into the hour.
  const bucket: {
    _id: string;
    device: string;
    hour: Date;
    m: Record<string, Record<string, number>>;
    u: Record<string, string>;
  } = { _id: '', device, hour: new Date(hour), m: {}, u: {} };
  let halfHourBytes = 0;
  for (let at = hour, seed = 0; at < hour + HOUR_MS; at += messageSpanMs, seed++) {
    const batch = message(device, at, perMessage, stepS * 1000, seed).batch;
    const readings = batch.readings.map((r) => ({ ...r, at: new Date(r.at) }));
    for (const w of bucketWrites(batch.deviceId, readings)) {
      if (w.hour.getTime() !== hour) continue;
      bucket._id = w.id;
      for (const [path, value] of Object.entries({ ...w.max, ...w.min })) {
        const [, metric, offset] = path.split('.') as [string, string, string];
        (bucket.m[metric] ??= {})[offset] = value;
      }
      for (const [path, unit] of Object.entries(w.units)) bucket.u[path.slice(2)] = unit;
    }
    if (halfHourBytes === 0 && at + messageSpanMs >= hour + HOUR_MS / 2)
      halfHourBytes = BSON.calculateObjectSize(bucket);
  }
  const bucketBytes = BSON.calculateObjectSize(bucket);
  const readingsPerBucket = Object.values(bucket.m).reduce(
    (n, offsets) => n + Object.keys(offsets).length,
    0,
  );

  console.log(
    JSON.stringify(
      {
        readingsPerMessage: perMessage,
        measuredEverySeconds: stepS,
        message: {
          bytes: messageBytes,
          keyBytes: Buffer.byteLength(first.key),
          valueBytes: first.value.length,
        },
        hourBucket: {
          id: bucket._id,
          readings: readingsPerBucket,
          bsonBytes: bucketBytes,
          bsonBytesAtHalfHour: halfHourBytes,
          bytesPerReading: Math.round((bucketBytes / readingsPerBucket) * 10) / 10,
        },
        perDevicePerDay: { buckets: 24, readings: readingsPerBucket * 24, bsonBytes: bucketBytes * 24 },
      },
      null,
      2,
    ),
  );
}

main();
