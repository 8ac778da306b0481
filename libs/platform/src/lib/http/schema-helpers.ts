import { Type, type TLiteral, type TObject, type TProperties, type TUnion } from '@sinclair/typebox';

/** An object schema that refuses unknown fields (every request and query body is one). */
export function Closed<P extends TProperties>(properties: P, description?: string): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...(description && { description }) });
}

/** One of a list of strings, as a schema: `Literals(ASSET_CLASSES)`. */
export function Literals<T extends string>(
  values: readonly T[],
  description?: string,
): TUnion<TLiteral<T>[]> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );
}
