import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS } from '@buqi/contracts';
import { FaultCampus, SERVICES, violations } from '../faults/fault-campus';

// Three instances of each service on one Kafka, one database per service and one Redis, the load
// going round them: the consumer groups share the partitions, and the outbox relays, consumers and
// BullMQ workers between them do each piece of work once. Then a new instance with an empty database
// and a consumer group of its own rebuilds what its service keeps of the others' facts by replaying
// their topics from the start. (Throughput, one instance beside three: `npm run bench:scale`.)

const INSTANCES = 3;
const LOAD_MS = Number(process.env['BUQI_SCALE_LOAD_SECONDS'] ?? 20) * 1_000;
const campus = new FaultCampus(INSTANCES);

beforeAll(async () => {
  await campus.start();
}, 900_000);

afterAll(async () => {
  await campus.stop();
}, 300_000);

describe('three instances of each service', () => {
  it('share the partitions of every topic their group reads', async () => {
    const partitions = await campus.partitionCounts();
    const groups = await campus.assignments();
    for (const service of SERVICES) {
      const members = groups.get(`${campus.prefix}${service}`) ?? [];
      expect({ service, members: members.length }).toEqual({ service, members: INSTANCES });
      // Every member holds some partitions, and each partition of each topic is held by one member.
      for (const m of members)
        expect({ service, held: Object.values(m.partitions).flat().length > 0 }).toEqual({
          service,
          held: true,
        });
      const topics = new Set(members.flatMap((m) => Object.keys(m.partitions)));
      for (const topic of topics) {
        const held = members.flatMap((m) => m.partitions[topic] ?? []).sort((a, b) => a - b);
        const all = Array.from({ length: partitions.get(topic) ?? 0 }, (_, p) => p);
        expect({ service, topic, held }).toEqual({ service, topic, held: all });
      }
    }
  });

  it('do each piece of work once under a load that goes round them', async () => {
    campus.startLoad();
    await sleep(LOAD_MS);
    await campus.stopLoad();
    await campus.quiesce();
    // Long enough for the first orders' ladders to reach their first steps (a minute after creation).
    await sleep(Math.max(0, 65_000 - LOAD_MS));
    await campus.quiesce();
    const r = await campus.invariants();
    expect(violations(r)).toEqual({});
    expect(r.readingsStored).toBeGreaterThan(0);
    expect(r.funded).toBeGreaterThan(0);
    expect(r.escalationsSent).toBeGreaterThan(0);
    // Relays: each event published once (no instance published another's entry again).
    for (const topic of [TOPICS.shortfallDetectedV2, TOPICS.remediationFunded, TOPICS.workOrderCreated]) {
      const { messages, distinctIds } = await campus.eventsOn(topic);
      expect({ topic, messages: messages > 0, duplicates: messages - distinctIds }).toEqual({
        topic,
        messages: true,
        duplicates: 0,
      });
    }
    // BullMQ workers: each escalation step's job ran once (one event per order and step).
    expect(await campus.escalationEventsRepeated(r.escalationsSent)).toBe(0);
  });

  it('a new instance with an empty database rebuilds the others’ facts by replaying their topics', async () => {
    const rebuilt = {
      budget: `${campus.name}_budget_rebuilt`,
      orders: `${campus.name}_orders_rebuilt`,
    };
    await campus.startInstance('budget-allocation', 9, {
      MONGO_DB: rebuilt.budget,
      KAFKA_CONSUMER_GROUP: `${campus.prefix}budget-allocation-rebuilt`,
      JOBS_PREFIX: `${campus.name}.budget-rebuilt`,
    });
    await campus.startInstance('work-orders', 9, {
      MONGO_DB: rebuilt.orders,
      KAFKA_CONSUMER_GROUP: `${campus.prefix}work-orders-rebuilt`,
      JOBS_PREFIX: `${campus.name}.orders-rebuilt`,
    });
    await campus.groupAtEnd(`${campus.prefix}budget-allocation-rebuilt`, TOPICS.assetState);
    await campus.groupAtEnd(`${campus.prefix}budget-allocation-rebuilt`, TOPICS.siteState);
    await campus.groupAtEnd(`${campus.prefix}work-orders-rebuilt`, TOPICS.assetState);
    await campus.groupAtEnd(`${campus.prefix}work-orders-rebuilt`, TOPICS.serviceQuota);

    const budget = campus.database('budget-allocation');
    const orders = campus.database('work-orders');
    const assets = await campus.facts(budget, 'known_assets');
    expect(assets.length).toBeGreaterThan(400);
    expect(await campus.facts(rebuilt.budget, 'known_assets')).toEqual(assets);
    expect(await campus.facts(rebuilt.budget, 'known_sites')).toEqual(
      await campus.facts(budget, 'known_sites'),
    );
    expect(await campus.facts(rebuilt.orders, 'known_assets')).toEqual(
      await campus.facts(orders, 'known_assets'),
    );
    const quotas = await campus.facts(orders, 'service_quota_versions');
    expect(quotas.length).toBeGreaterThan(0);
    expect(await campus.facts(rebuilt.orders, 'service_quota_versions')).toEqual(quotas);
    await campus.stopInstance('budget-allocation', 9);
    await campus.stopInstance('work-orders', 9);
  });
});
