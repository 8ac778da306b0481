import type { TSchema } from '@sinclair/typebox';

type SchemaNode = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

const isObjectSchema = (node: SchemaNode): boolean =>
  node['type'] === 'object' || 'properties' in node || 'patternProperties' in node;

const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** Paths of object schemas that would accept fields they do not name. */
function openObjects(node: unknown, path: string, found: string[]): string[] {
  if (!isNode(node)) return found;
  if (isObjectSchema(node) && node['additionalProperties'] !== false) found.push(path || '(root)');
  const properties = node['properties'];
  if (isNode(properties))
    for (const [key, child] of Object.entries(properties)) openObjects(child, at(path, key), found);
  if (isNode(node['additionalProperties'])) openObjects(node['additionalProperties'], at(path, '*'), found);
  if (isNode(node['patternProperties']))
    for (const child of Object.values(node['patternProperties'])) openObjects(child, at(path, '*'), found);
  const items = node['items'];
  for (const child of Array.isArray(items) ? items : [items]) openObjects(child, `${path}[]`, found);
  if (Array.isArray(node['prefixItems']))
    for (const child of node['prefixItems']) openObjects(child, `${path}[]`, found);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) for (const child of branches) openObjects(child, path, found);
  }
  return found;
}

/**
 * Unknown fields are refused, never ignored: every object in a request schema must say
 * `additionalProperties: false`. Throws (when the route is declared) naming the open ones.
 */
export function assertClosedObjects(schema: TSchema, what: string): void {
  if (!isNode(schema) || !isObjectSchema(schema)) throw new Error(`${what} schema must be an object schema`);
  const open = openObjects(schema, '', []);
  if (open.length > 0) {
    throw new Error(
      `${what} schema must refuse unknown fields: add { additionalProperties: false } at ${open.join(', ')}`,
    );
  }
}

/** A string, number, integer or boolean, or a literal, enum or union of those. */
export function isScalarSchema(node: unknown): boolean {
  if (!isNode(node)) return false;
  const branches = node['anyOf'] ?? node['oneOf'];
  if (Array.isArray(branches)) return branches.length > 0 && branches.every(isScalarSchema);
  if ('const' in node) return ['string', 'number', 'boolean'].includes(typeof node['const']);
  if (Array.isArray(node['enum']))
    return node['enum'].every((v) => ['string', 'number', 'boolean'].includes(typeof v));
  return typeof node['type'] === 'string' && SCALAR_TYPES.has(node['type']);
}

/**
 * Query strings and path parameters carry scalars only: no objects or arrays, so no operator
 * objects (`a[$gt]=`) and no repeated keys can reach a filter.
 */
export function assertScalarFields(schema: TSchema, what: string): void {
  assertClosedObjects(schema, what);
  const properties = isNode(schema['properties']) ? schema['properties'] : {};
  const nonScalar = Object.entries(properties)
    .filter(([, child]) => !isScalarSchema(child))
    .map(([key]) => key);
  if (nonScalar.length > 0) {
    throw new Error(
      `${what} fields must be scalars (string, number, integer, boolean, or literals of those): ${nonScalar.join(', ')}`,
    );
  }
}
