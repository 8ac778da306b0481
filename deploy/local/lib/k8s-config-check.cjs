'use strict';
// What the Kubernetes manifests give each Buqi container, against the service's own configuration
// spec (services/<service>/src/config.ts, the one its start validates with):
//   node deploy/local/lib/k8s-config-check.cjs RENDERED.json
// RENDERED.json: the objects `kustomize build` rendered, as a JSON array. For each container of a
// Deployment or Job whose image is buqi/<service> (init containers are not the service):
//   - every variable it is given is one the service reads (a misspelt name would be ignored);
//   - every value written in a ConfigMap or the manifest parses as the service parses it at start;
//   - no sensitive variable (MONGO_URL, REDIS_URL, webhooks, keys …) comes from anything but a Secret;
//   - every required variable is given;
//   - HTTP_PORT, when given, is the port the probes and the Service use (the container port `http`).
// Exit 1 and a line per problem when anything is wrong. Loads the specs through @swc-node/register.
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../../..');
process.env.SWC_NODE_PROJECT ??= join(root, 'tsconfig.base.json');
require(require.resolve('@swc-node/register', { paths: [root] }));

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8')).filter(Boolean);
const configMaps = new Map(
  objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data ?? {}]),
);

const specs = new Map();
/** The service's configuration spec: the export of its config.ts whose values are variables. */
function specOf(service) {
  if (!specs.has(service)) {
    const exports = require(join(root, 'services', service, 'src', 'config.ts'));
    const spec = Object.values(exports).find(
      (v) => v && typeof v === 'object' && Object.values(v).every((x) => typeof x?.parse === 'function'),
    );
    if (!spec) throw new Error(`services/${service}/src/config.ts exports no configuration spec`);
    specs.set(service, spec);
  }
  return specs.get(service);
}

/** buqi/<service>[:tag] under any registry, e.g. registry.example.gov.cn/buqi/work-orders:1.0.0. */
function serviceOf(image) {
  const m = /(?:^|\/)buqi\/([a-z0-9-]+)(?::[^/]*)?$/.exec(image ?? '');
  return m?.[1];
}

const problems = [];
let checked = 0;
for (const o of objects) {
  const pod = o.kind === 'Deployment' || o.kind === 'Job' ? o.spec?.template?.spec : undefined;
  if (!pod) continue;
  for (const c of pod.containers ?? []) {
    const service = serviceOf(c.image);
    if (!service) continue;
    const where = `${o.kind.toLowerCase()}/${o.metadata.name} container ${c.name} (${service})`;
    const spec = specOf(service);
    /** name → { from, value? } (value when written in a ConfigMap or the manifest). */
    const given = new Map();
    for (const source of c.envFrom ?? []) {
      if (source.configMapRef) {
        const data = configMaps.get(source.configMapRef.name);
        if (!data) {
          if (!source.configMapRef.optional)
            problems.push(`${where}: ConfigMap ${source.configMapRef.name} is not in the manifests`);
          continue;
        }
        for (const [name, value] of Object.entries(data)) {
          const full = (source.prefix ?? '') + name;
          // Even when env overrides it below, a secret written into a ConfigMap is out in the open.
          if (spec[full]?.sensitive)
            problems.push(
              `${where}: ${full} is sensitive and written in ConfigMap ${source.configMapRef.name}`,
            );
          given.set(full, { from: `ConfigMap ${source.configMapRef.name}`, value });
        }
      } else if (source.secretRef) {
        problems.push(
          `${where}: envFrom secretRef ${source.secretRef.name} cannot be checked offline; name each key with secretKeyRef`,
        );
      }
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom;
      if (!ref) given.set(e.name, { from: 'the manifest', value: e.value ?? '' });
      else if (ref.secretKeyRef) given.set(e.name, { from: `Secret ${ref.secretKeyRef.name}`, secret: true });
      else if (ref.configMapKeyRef) {
        if (spec[e.name]?.sensitive)
          problems.push(
            `${where}: ${e.name} is sensitive and comes from ConfigMap ${ref.configMapKeyRef.name}`,
          );
        const data = configMaps.get(ref.configMapKeyRef.name);
        const value = data?.[ref.configMapKeyRef.key];
        if (value === undefined && !ref.configMapKeyRef.optional)
          problems.push(
            `${where}: ${e.name} names ${ref.configMapKeyRef.name}/${ref.configMapKeyRef.key}, which is not there`,
          );
        else given.set(e.name, { from: `ConfigMap ${ref.configMapKeyRef.name}`, value });
      } else given.set(e.name, { from: 'the pod', runtime: true });
    }
    for (const [name, g] of given) {
      const variable = spec[name];
      if (!variable) {
        problems.push(`${where}: ${name} (from ${g.from}) is not a variable ${service} reads`);
        continue;
      }
      if (variable.sensitive && !g.secret && !g.from.startsWith('ConfigMap'))
        problems.push(`${where}: ${name} is sensitive and comes from ${g.from}; it must come from a Secret`);
      if (g.value !== undefined && g.value.trim() !== '') {
        const parsed = variable.parse(g.value.trim());
        if (!parsed.ok)
          problems.push(
            `${where}: ${name}=${variable.sensitive ? '(hidden)' : JSON.stringify(g.value)} ${parsed.problem}`,
          );
      }
    }
    for (const [name, variable] of Object.entries(spec))
      if (variable.required && !given.has(name)) problems.push(`${where}: ${name} is required and not given`);
    const httpPort = given.get('HTTP_PORT')?.value;
    const declared = (c.ports ?? []).find((p) => p.name === 'http')?.containerPort;
    if (httpPort !== undefined && declared !== undefined && Number(httpPort) !== declared)
      problems.push(`${where}: HTTP_PORT=${httpPort} but the container port named http is ${declared}`);
    checked++;
  }
}

if (checked === 0) problems.push('no Buqi container (image buqi/<service>) found');
for (const p of problems) console.error(`[k8s] config: ${p}`);
if (problems.length > 0) process.exit(1);
console.error(
  `[k8s] config: ${checked} containers of ${[...specs.keys()].join(', ')}: every variable known, values valid, ` +
    'sensitive ones from Secrets, required ones given',
);
