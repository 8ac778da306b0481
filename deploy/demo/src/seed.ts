import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DevIssuer, type Role } from '@buqi/auth';
import { createServicesClient, ServiceCallError, type ServicesClient } from '@buqi/services-client';
import {
  budgetYear,
  CREWS,
  DEPARTMENTS,
  PEOPLE,
  quotas,
  RESTROOMS,
  ROAD_INSPECTIONS,
  ROADS,
  SENSORS,
  SITES,
} from './campus';
import { demoSettings } from './settings';

/**
 * Seeds the demo campus into running services, once: everything that exists already is left as it
 * is (a 409 is "there already"), so `npm start` can run it every time and keep the data. Devices'
 * keys are kept in the demo's key file for the telemetry simulator. Prints the accounts.
 */
export async function seedCampus(): Promise<{ created: number; present: number }> {
  const settings = demoSettings();
  const issuer = await DevIssuer.open(settings.signingKeyDir);
  const seeded = await seedServices(
    createServicesClient(settings.services),
    (roles) => issuer.sign({ sub: 'demo-seeder', name: '演示数据', roles }, { ttl: '1h' }),
    settings.deviceKeyFile,
  );
  const accounts = await seedAccounts(settings);
  console.log(`[demo] campus seeded: ${seeded.created} created, ${seeded.present} already there`);
  console.log(
    `[demo] accounts (password ${settings.demoPassword}; admin's in ${settings.adminPasswordHint}):`,
  );
  for (const a of accounts)
    console.log(`[demo]   ${a.id.padEnd(14)} ${a.roles.join(', ').padEnd(16)} ${a.name}`);
  return seeded;
}

/**
 * The campus in the three services (sites, assets, device keys, inspections, the year's budget,
 * quotas, departments, crews and people), as the people `token` signs for; the console's accounts
 * are not made here. The devices' keys go to `deviceKeyFile`.
 */
export async function seedServices(
  buqi: ServicesClient,
  token: (roles: Role[]) => Promise<string>,
  deviceKeyFile: string,
): Promise<{ created: number; present: number }> {
  const manager = await token(['asset-manager']);
  const finance = await token(['finance']);
  const admin = await token(['admin']);
  let created = 0;
  let present = 0;
  /** Runs a create; "there already" (409) counts as done. */
  const once = async (what: string, create: () => Promise<unknown>) => {
    try {
      await create();
      created++;
    } catch (err) {
      if (err instanceof ServiceCallError && err.status === 409) present++;
      else throw new Error(`demo campus: could not ${what}: ${(err as Error).message}`);
    }
  };

  for (const { site, zones, buildings } of SITES) {
    await once(`register site ${site.id}`, () => buqi.inventory.registerSite(manager, site));
    for (const zone of zones)
      await once(`add zone ${site.id}-${zone.code}`, () => buqi.inventory.addZone(manager, site.id, zone));
    for (const b of buildings)
      await once(`add building ${site.id}-${b.code}`, () => buqi.inventory.addBuilding(manager, site.id, b));
  }
  for (const road of ROADS)
    await once(`register ${road.code}`, () => buqi.inventory.registerRoadSegment(manager, road));
  for (const room of RESTROOMS)
    await once(`register ${room.code}`, () => buqi.inventory.registerRestroom(manager, room));

  const keys = await readKeys(deviceKeyFile);
  for (const sensor of SENSORS) {
    await once(`register ${sensor.code}`, async () => {
      keys[sensor.code] = (await buqi.inventory.registerMonitoringDevice(manager, sensor)).apiKey;
    });
    // A device registered before whose key this machine does not hold gets a new one.
    if (!keys[sensor.code])
      keys[sensor.code] = (await buqi.inventory.issueDeviceKey(manager, sensor.code)).apiKey;
  }
  await writeKeys(deviceKeyFile, keys);

  for (const [code, sheet] of Object.entries(ROAD_INSPECTIONS)) {
    const asset = await buqi.inventory.getAsset(manager, code);
    if (!asset.condition) await once(`inspect ${code}`, () => buqi.inventory.inspect(manager, code, sheet));
    else present++; // inspected before: its condition stands
  }

  const fiscalYear = Number(
    new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }),
  );
  await once(`open the ${fiscalYear} budget`, () => buqi.budget.openYear(finance, budgetYear(fiscalYear)));
  for (const quota of quotas(fiscalYear))
    await once(`publish quota ${quota.taskType}`, () => buqi.budget.publishQuota(finance, quota));

  for (const d of DEPARTMENTS)
    await once(`add department ${d.id}`, () => buqi.workOrders.addDepartment(admin, d));
  for (const crew of CREWS) await once(`add crew ${crew.id}`, () => buqi.workOrders.addCrew(admin, crew));
  for (const { console: _console, ...person } of PEOPLE)
    await once(`add ${person.id} to the directory`, () => buqi.workOrders.addPerson(admin, person));

  return { created, present };
}

/** The console's accounts, one per role, through its admin API (as the first admin). */
async function seedAccounts(settings: ReturnType<typeof demoSettings>) {
  const signIn = await fetch(`${settings.consoleUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: settings.adminPassword }),
  });
  if (!signIn.ok) throw new Error(`demo campus: the console refused admin's sign-in (${signIn.status})`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  for (const p of PEOPLE) {
    const res = await fetch(`${settings.consoleUrl}/admin/accounts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'buqi-demo' },
      body: JSON.stringify({
        id: p.console.id,
        name: p.name,
        roles: p.roles,
        department: p.department,
        ...(p.console.crew && { crew: p.console.crew }),
        password: settings.demoPassword,
      }),
    });
    if (!res.ok && res.status !== 409)
      throw new Error(
        `demo campus: could not create the account ${p.console.id}: ${res.status} ${await res.text()}`,
      );
  }
  return [
    { id: 'admin', roles: ['admin'], name: '系统管理员' },
    ...PEOPLE.map((p) => ({ id: p.console.id, roles: p.roles, name: p.name })),
  ];
}

export async function readKeys(file: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

async function writeKeys(file: string, keys: Record<string, string>): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

if (require.main === module)
  seedCampus().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
