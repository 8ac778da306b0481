import { Type, type Static } from '@sinclair/typebox';
import { ASSET_CLASSES } from '../../assets/domain/asset';
import type { StoredInspection } from '../persistence/inspection.repository';
import { Literals } from '@buqi/platform';

const Anything = (description: string) => Type.Record(Type.String(), Type.Unknown(), { description });

/** An inspection as the API shows it: the sheet as recorded, and the condition with its factors. */
export const InspectionView = Type.Object({
  id: Type.String({ description: 'insp-…' }),
  assetId: Type.String(),
  assetClass: Literals(ASSET_CLASSES),
  inspectedAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
  inspector: Type.Object({ id: Type.String(), name: Type.Optional(Type.String()) }),
  notes: Type.Optional(Type.String()),
  photos: Type.Optional(Type.Array(Type.String())),
  sheet: Anything('What the inspector recorded'),
  condition: Type.Optional(
    Type.Object({
      index: Type.Number({ minimum: 0, maximum: 100 }),
      grade: Type.Optional(
        Type.String({ description: 'In the method’s own scale, e.g. CJJ 36 B or JTG 5210 良' }),
      ),
      gradeName: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
      action: Type.Optional(Type.String({ description: 'The maintenance action the grade calls for' })),
      method: Type.String({ description: 'cjj36, jtg5210, astm-d6433 or restroom-condition' }),
      factors: Anything('Every factor that produced the index, as the condition model gives them'),
    }),
  ),
  dust: Type.Optional(
    Type.Object({
      loadGPerM2: Type.Number(),
      standardGPerM2: Type.Number(),
      passes: Type.Boolean(),
      margin: Type.Number({ description: 'standard − load, g/m²: negative is an excess' }),
      factors: Anything('Samples, their loads and the sampling method'),
    }),
  ),
  hygiene: Type.Optional(Anything('GB/T 17217 items against the limits of the restroom’s class')),
  damage: Type.Optional(
    Type.Object({ quantity: Type.Number(), unit: Literals(['m2', 'slabs', 'fixtures'] as const) }),
  ),
  calibration: Type.Optional(Type.Object({ certificate: Type.Optional(Type.String()) })),
});
export type InspectionView = Static<typeof InspectionView>;

export const RecordedInspectionView = Type.Composite([
  InspectionView,
  Type.Object({
    becameLatest: Type.Boolean({
      description:
        'It now gives the asset’s latest condition; an inspection older than that stays in the history only',
    }),
    assetVersion: Type.Integer({ description: 'The asset’s version after the inspection' }),
  }),
]);

export function toInspectionView(i: StoredInspection): InspectionView {
  return {
    id: i.id,
    assetId: i.assetId,
    assetClass: i.assetClass,
    inspectedAt: i.inspectedAt.toISOString(),
    recordedAt: i.recordedAt.toISOString(),
    inspector: { ...i.inspector },
    ...(i.notes !== undefined && { notes: i.notes }),
    ...(i.photos !== undefined && { photos: [...i.photos] }),
    sheet: i.sheet,
    ...(i.condition && { condition: { ...i.condition } }),
    ...(i.dust && { dust: { ...i.dust } }),
    ...(i.hygiene && { hygiene: i.hygiene }),
    ...(i.damage && { damage: { quantity: i.damage.quantity, unit: i.damage.unit } }),
    ...(i.calibration && { calibration: { ...i.calibration } }),
  };
}
