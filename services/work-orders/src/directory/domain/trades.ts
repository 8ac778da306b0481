/**
 * The trades the bureau's crews and contractors are booked for, as data: a new trade is an edit
 * here (and a release), never a free-text field. The ids are stored on crews, contractors and
 * work orders and are never renamed.
 */
export const TRADES = [
  { id: 'roads', name: '道路', covers: 'road surfaces, kerbs, markings, drainage gratings' },
  { id: 'restrooms', name: '公厕', covers: 'restroom fixtures, partitions, ventilation' },
  {
    id: 'devices',
    name: '监测设备',
    covers: 'monitoring devices: sensors, gateways, batteries, calibration',
  },
  { id: 'cleaning', name: '保洁', covers: 'cleaning of roads, squares and restrooms (以克论净)' },
  { id: 'electrical', name: '电气', covers: 'lighting, power supply, switchgear' },
  { id: 'plumbing', name: '给排水', covers: 'water supply, drains, pumps' },
] as const;

export type Trade = (typeof TRADES)[number]['id'];

export const TRADE_IDS: readonly Trade[] = TRADES.map((t) => t.id);

/** `roads (道路)`: how reasons and messages name a trade. */
export function tradeLabel(trade: string): string {
  const known = TRADES.find((t) => t.id === trade);
  return known ? `${known.id} (${known.name})` : trade;
}
