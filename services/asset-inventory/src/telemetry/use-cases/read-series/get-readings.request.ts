import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@buqi/platform';

export const MAX_CHART_SPAN_MS = 7 * 24 * 3600_000;

/** A chart's read of one metric of a device: at most a week per call, at most `limit` readings. */
export const ReadingsQuery = Closed({
  metric: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$', description: 'e.g. nh3' }),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 24 hours before to' })),
  to: Type.Optional(
    Type.String({ format: 'date-time', description: 'Default: now; at most 7 days after from' }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    default: 2_000,
    description: 'Readings per answer; `next` continues from where this one stopped',
  }),
});
export type ReadingsQuery = Static<typeof ReadingsQuery>;

export const ReadingsChartView = Type.Object({
  deviceId: Type.String(),
  metric: Type.String(),
  unit: Type.Optional(Type.String({ description: 'Absent when there is no reading in the range' })),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  readings: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), value: Type.Number() })),
  next: Type.Optional(
    Type.String({ format: 'date-time', description: 'More readings follow: ask again with this as from' }),
  ),
});
export type ReadingsChartView = Static<typeof ReadingsChartView>;
