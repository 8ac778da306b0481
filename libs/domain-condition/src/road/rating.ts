import { finite } from '@buqi/domain-kernel';

/** The D6433 rating scale, worst last. */
export const PCI_RATINGS = [
  'good',
  'satisfactory',
  'fair',
  'poor',
  'very-poor',
  'serious',
  'failed',
] as const;
export type PciRating = (typeof PCI_RATINGS)[number];

/** Lower bounds of each band on the whole-number PCI (86–100 good … 0–10 failed). */
const BAND_FLOORS: ReadonlyArray<readonly [number, PciRating]> = [
  [86, 'good'],
  [71, 'satisfactory'],
  [56, 'fair'],
  [41, 'poor'],
  [26, 'very-poor'],
  [11, 'serious'],
  [0, 'failed'],
];

/** D6433 reports PCI as a whole number, so the band is read from the PCI rounded to one. */
export function pciRating(pci: number): PciRating {
  const whole = Math.round(finite('pci', pci, { min: 0, max: 100 }));
  const band = BAND_FLOORS.find(([floor]) => whole >= floor);
  return band ? band[1] : 'failed';
}
