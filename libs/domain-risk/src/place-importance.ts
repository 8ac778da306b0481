import { array, DomainValidationError, finite, record, text } from '@buqi/domain-kernel';

/** How much a place weighs in the consequence of a shortfall there, 0–1. */
export interface PlaceImportance {
  readonly placeId: string;
  readonly name: string;
  readonly weight: number;
}

/** The places of the director's speech: the leadership's buildings weigh most, staff housing least. */
export const PLACE_IMPORTANCE: readonly PlaceImportance[] = [
  { placeId: 'site-no1-platform', name: '1号台', weight: 1 },
  { placeId: 'bldg-peoples-congress', name: '人大办公楼', weight: 0.9 },
  { placeId: 'bldg-government', name: '政府办公楼', weight: 0.9 },
  { placeId: 'bldg-cppcc', name: '政协办公楼', weight: 0.9 },
  { placeId: 'site-south-court', name: '机关南院', weight: 0.7 },
  { placeId: 'site-north-court', name: '机关北院', weight: 0.7 },
  { placeId: 'site-cppcc-office-area', name: '市政协办公区', weight: 0.6 },
  { placeId: 'site-outlying-compounds', name: '外围统管院区', weight: 0.4 },
  { placeId: 'site-group-purchase-housing', name: '团购房小区', weight: 0.2 },
  { placeId: 'site-family-housing', name: '家属区', weight: 0.2 },
];

export function importanceOf(placeId: string, table: unknown, field: string): PlaceImportance {
  const rows = array<unknown>(field, table).map((item, n) => {
    const r = record(`${field}[${n}]`, item);
    return {
      placeId: text(`${field}[${n}].placeId`, r['placeId'], 100),
      name: text(`${field}[${n}].name`, r['name']),
      weight: finite(`${field}[${n}].weight`, r['weight'], { min: 0, max: 1 }),
    };
  });
  const found = rows.find((r) => r.placeId === placeId);
  if (found === undefined)
    throw new DomainValidationError('placeId', placeId, 'is not in the place-importance table');
  return found;
}
