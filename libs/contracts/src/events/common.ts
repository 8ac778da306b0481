import { Type } from '@sinclair/typebox';

export const Id = (description: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description });
export const Timestamp = (description: string) => Type.String({ format: 'date-time', description });
/** Money is integer fen (分), never a float. */
export const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 1e13, description });

export const AssetClass = Type.Union([
  Type.Literal('road-segment'),
  Type.Literal('restroom'),
  Type.Literal('monitoring-device'),
]);
export const Priority = Type.Union([
  Type.Literal('P1'),
  Type.Literal('P2'),
  Type.Literal('P3'),
  Type.Literal('P4'),
]);
export const Severity = Type.Union([
  Type.Literal('minor'),
  Type.Literal('moderate'),
  Type.Literal('major'),
  Type.Literal('critical'),
]);
