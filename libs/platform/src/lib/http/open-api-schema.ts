import type { SchemaObject } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';

/**
 * A TypeBox schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12, so it goes in as it is):
 * TypeBox's symbol keys are dropped, and each call returns a fresh copy (swagger mutates what it gets).
 */
export function toOpenApiSchema(schema: TSchema): SchemaObject {
  // JSON has no symbol keys: the round trip drops [Kind], [OptionalKind] and the rest.
  return JSON.parse(JSON.stringify(schema)) as SchemaObject;
}

/** The object schema's properties, each as an OpenAPI schema with its required flag (false when a default fills it in). */
export function propertiesOf(
  schema: TSchema,
): { name: string; schema: SchemaObject; required: boolean; description?: string }[] {
  const plain = toOpenApiSchema(schema);
  const required = new Set(plain.required ?? []);
  return Object.entries(plain.properties ?? {}).map(([name, child]) => {
    const property = child as SchemaObject;
    return {
      name,
      schema: property,
      required: required.has(name) && property.default === undefined,
      description: property.description,
    };
  });
}
