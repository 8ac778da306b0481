import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

export const SiteKind = Type.Union([
  Type.Literal('government-compound'),
  Type.Literal('office-area'),
  Type.Literal('managed-compound'),
  Type.Literal('housing-estate'),
]);

/**
 * The current state of a site (a compound such as 机关南院) and its zones, published by
 * asset-inventory after every change. Compacted: the newest state of each site survives, so a
 * service that starts with an empty database rebuilds what it knows of the sites from the topic.
 */
export const SiteStateV1 = defineEvent({
  type: 'site.state',
  version: 1,
  cleanupPolicy: 'compact',
  schema: Type.Object(
    {
      siteId: Id('Site id: its code, e.g. NY'),
      name: Type.String({ minLength: 1, maxLength: 100, description: 'Chinese name, e.g. 机关南院' }),
      kind: SiteKind,
      version: Type.Integer({ minimum: 1, description: 'Grows with every change: keep only the newest' }),
      zones: Type.Array(
        Type.Object(
          {
            zoneId: Id('Zone id, unique across sites: <siteId>-<code>'),
            code: Type.String({ minLength: 1, maxLength: 10 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
      buildings: Type.Array(
        Type.Object(
          {
            buildingId: Id('Building id, unique across sites: <siteId>-<code>'),
            code: Type.String({ minLength: 1, maxLength: 10 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            zoneId: Id('The zone it stands in'),
            importance: Type.Integer({
              minimum: 1,
              maximum: 5,
              description: 'Weight when shortfalls are ranked',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
      updatedAt: Timestamp('When this state was reached'),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.siteId,
  example: {
    siteId: 'NY',
    name: '机关南院',
    kind: 'government-compound',
    version: 3,
    zones: [
      { zoneId: 'NY-A', code: 'A', name: '主楼区' },
      { zoneId: 'NY-B', code: 'B', name: '后勤区' },
    ],
    buildings: [{ buildingId: 'NY-B01', code: 'B01', name: '人大办公楼', zoneId: 'NY-A', importance: 5 }],
    updatedAt: '2026-03-02T09:15:00.000Z',
  },
});
