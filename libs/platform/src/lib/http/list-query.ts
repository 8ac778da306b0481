import {
  Type,
  type Static,
  type TArray,
  type TInteger,
  type TLiteral,
  type TObject,
  type TOptional,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox';
import { RequestValidationError } from './request-validation.error';
import { isScalarSchema } from './schema-rules';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What a list endpoint offers: sortable fields, the default order, equality filters. */
export interface ListSpec<S extends string = string, F extends TProperties = TProperties> {
  /** Fields a client may sort by, ascending (`name`) or descending (`-name`). */
  readonly sortable: readonly [S, ...S[]];
  readonly defaultSort: S | `-${S}`;
  /** Equality filters, each a scalar schema: `{ kind: Type.Union([...]), siteId: Id('...') }`. */
  readonly filters?: F;
  readonly maxPageSize?: number;
}

type SortKey<S extends string> = S | `-${S}`;

export type ListQuerySchema<S extends string, F extends TProperties> = TObject<
  { page: TInteger; pageSize: TInteger; sort: TUnion<TLiteral<SortKey<S>>[]> } & {
    [K in keyof F]: TOptional<F[K]>;
  }
>;

export type ListQuery<S extends string, F extends TProperties> = Static<ListQuerySchema<S, F>>;

const RESERVED = ['page', 'pageSize', 'sort'];

/**
 * The query schema of a list endpoint, for `@ValidQuery`: `page` (from 1), `pageSize` (1 to
 * maxPageSize, default 20), `sort` (one of the allowed keys) and the filters, all optional scalars.
 */
export function listQuerySchema<const S extends string, const F extends TProperties = Record<never, never>>(
  spec: ListSpec<S, F>,
): ListQuerySchema<S, F> {
  const maxPageSize = spec.maxPageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(maxPageSize) || maxPageSize < 1 || maxPageSize > MAX_PAGE_SIZE) {
    throw new Error(`maxPageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const keys = spec.sortable.flatMap((field) => [field, `-${field}`]);
  if (!keys.includes(spec.defaultSort)) throw new Error(`defaultSort "${spec.defaultSort}" is not sortable`);
  const filters = Object.entries(spec.filters ?? {});
  for (const [name, schema] of filters) {
    if (RESERVED.includes(name)) throw new Error(`A filter cannot be named "${name}"`);
    if (!isScalarSchema(schema))
      throw new Error(`Filter "${name}" must be a scalar schema (no objects or arrays)`);
  }
  return Type.Object(
    {
      page: Type.Integer({ minimum: 1, default: 1, description: 'Page number, from 1' }),
      pageSize: Type.Integer({
        minimum: 1,
        maximum: maxPageSize,
        default: Math.min(DEFAULT_PAGE_SIZE, maxPageSize),
        description: 'Items per page',
      }),
      sort: Type.Union(
        keys.map((key) => Type.Literal(key)),
        { default: spec.defaultSort, description: 'A field to sort by; a leading "-" sorts descending' },
      ),
      ...Object.fromEntries(filters.map(([name, schema]) => [name, Type.Optional(schema as TSchema)])),
    },
    { additionalProperties: false },
  ) as unknown as ListQuerySchema<S, F>;
}

export type FilterValue = string | number | boolean;

/** A page request for findPage: equality filters on allowed fields, a stable sort, skip and limit. */
export interface ListRequest {
  readonly filter: Readonly<Record<string, FilterValue>>;
  /** The requested order, then `_id`, so equal values never make pages overlap or skip items. */
  readonly sort: Readonly<Record<string, 1 | -1>>;
  readonly skip: number;
  readonly limit: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Turns a validated list query into a page request; refuses anything that is not a plain value. */
export function toListRequest<S extends string, F extends TProperties>(
  query: ListQuery<S, F>,
  spec: ListSpec<S, F>,
): ListRequest {
  const values = query as Readonly<Record<string, unknown>>;
  const filter: Record<string, FilterValue> = {};
  for (const name of Object.keys(spec.filters ?? {})) {
    const value = values[name];
    if (value === undefined) continue;
    // Validation already allows only scalars; this keeps an operator object out even if it was skipped.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new RequestValidationError([
        { location: 'query', field: name, reason: 'must be a single value' },
      ]);
    }
    filter[name] = value;
  }
  const sortKey = typeof values['sort'] === 'string' ? values['sort'] : spec.defaultSort;
  const field = sortKey.startsWith('-') ? sortKey.slice(1) : sortKey;
  if (!(spec.sortable as readonly string[]).includes(field)) {
    throw new RequestValidationError([
      { location: 'query', field: 'sort', value: sortKey, reason: 'is not sortable' },
    ]);
  }
  const direction = sortKey.startsWith('-') ? -1 : 1;
  const page = positiveInteger(values['page'], 1);
  const pageSize = positiveInteger(values['pageSize'], DEFAULT_PAGE_SIZE);
  return {
    filter,
    sort: field === '_id' ? { _id: direction } : { [field]: direction, _id: direction },
    skip: (page - 1) * pageSize,
    limit: pageSize,
    page,
    pageSize,
  };
}

const positiveInteger = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;

/** One page of a list: what findPage returns and list endpoints answer. */
export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  /** Items matching the filters, over all pages. */
  readonly total: number;
}

export type PageSchema<T extends TSchema> = TObject<{
  items: TArray<T>;
  page: TInteger;
  pageSize: TInteger;
  total: TInteger;
}>;

/** The response schema of a list endpoint, for `@ApiResult(200, pageOf(SiteSchema), '...')`. */
export function pageOf<T extends TSchema>(item: T): PageSchema<T> {
  return Type.Object(
    {
      items: Type.Array(item),
      page: Type.Integer({ minimum: 1 }),
      pageSize: Type.Integer({ minimum: 1 }),
      total: Type.Integer({ minimum: 0, description: 'Items matching the filters, over all pages' }),
    },
    { additionalProperties: false },
  );
}
