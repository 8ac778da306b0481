import { SOURCES } from '../sources';
import type { DeductCurveData } from './deduct-curve';

/*
 * Jointed-concrete deduct charts, as digitised point by point in brandnewbox/pavement_condition_index
 * (lookups/observed_deduct_values.rb): density = slabs with the distress ÷ slabs in the sample unit
 * × 100, on a linear axis. Entered as read, dips and values above 100 included. Joint seal damage has
 * no chart of its own (one deduct per severity for the whole sample unit): see `joint-seal.ts`.
 */

const SLAB_DENSITIES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

function gem(densities: readonly number[], rows: DeductCurveData['rows']): DeductCurveData {
  return { axis: 'linear', densities, rows, source: SOURCES.concreteDeducts };
}

export const ASTM_D6433_CONCRETE_DEDUCT_CURVES: Readonly<Record<string, DeductCurveData>> = {
  'blowup-buckling': gem(SLAB_DENSITIES, {
    low: [0, 8.1, 16.3, 23.5, 30.6, 34.6, 38.1, 40.4, 42, 43.3, 45],
    medium: [1.7, 18.7, 34.3, 47, 57.8, 66.3, 72.6, 77, 80.2, 82, 83.3],
    high: [16.3, 58.9, 71.5, 81.1, 87.8, 93.7, 99.8, 105.6, 110.7, 115.9, 120.2],
  }),
  'corner-break': gem(SLAB_DENSITIES, {
    low: [0, 8.7, 17, 24.8, 31.5, 36.9, 41.7, 45.2, 47.4, 49.3, 50.6],
    medium: [0, 15.6, 28.5, 38.9, 46.7, 52.8, 56.3, 58.9, 60.7, 62.4, 64.1],
    high: [0, 24.6, 40.9, 52.2, 60.2, 67, 71.9, 75.2, 76.7, 78.5, 79.4],
  }),
  'divided-slab': gem([0, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100], {
    low: [0, 9.6, 15, 18.9, 27.2, 33.9, 38.9, 43.3, 46.5, 48.3, 49.8, 50.2],
    medium: [0, 24, 33.5, 36.4, 43.7, 50.7, 56.9, 62, 66.5, 70, 73, 75.4],
    high: [0, 31.7, 43, 50.4, 61.7, 68.7, 74.6, 79.1, 82.8, 86.1, 89.1, 92.2],
  }),
  'durability-cracking': gem(SLAB_DENSITIES, {
    low: [0, 3.5, 7, 9.8, 12.8, 15.7, 18.1, 20.2, 21.5, 22.2, 22.2],
    medium: [0, 9.8, 18, 24.4, 29.6, 33.9, 37, 38.9, 40.9, 42.4, 43.5],
    high: [0, 23, 38.5, 48.5, 55.4, 60, 63.1, 65.6, 67.4, 68.9, 70],
  }),
  faulting: gem(SLAB_DENSITIES, {
    low: [0, 2, 6.9, 13.3, 18.9, 21.5, 24.1, 25.9, 27.4, 28.9, 30],
    medium: [0, 8, 15.7, 23.7, 32.2, 39.4, 44.8, 48.5, 50.9, 52.8, 53.9],
    high: [0, 15.6, 29.3, 40.4, 50.7, 60.4, 68.1, 73.9, 78.1, 81.3, 83.1],
  }),
  'lane-shoulder-drop-off': gem(SLAB_DENSITIES, {
    low: [0, 1.1, 2, 2.6, 3.3, 3.9, 4.4, 5, 5.4, 5.2, 5.2],
    medium: [0, 5.2, 9.1, 11.9, 14.1, 15.4, 16.7, 17.6, 18.3, 18.9, 19.1],
    high: [0, 8.3, 14.8, 19.4, 23.3, 25.4, 27.6, 29.3, 30.2, 31.5, 32.2],
  }),
  'linear-cracking': gem(SLAB_DENSITIES, {
    low: [0, 5.6, 10.4, 14.6, 17.4, 19.8, 21.1, 22.2, 23, 23.3, 23.5],
    medium: [0, 8.1, 14.8, 20, 24.1, 27.2, 29.8, 32.2, 34.8, 36.9, 38.5],
    high: [0, 18.9, 29.6, 36.1, 41.1, 45.9, 50, 54.1, 57.6, 61.3, 65.4],
  }),
  'patching-large': gem(SLAB_DENSITIES, {
    low: [0, 2, 6.7, 11.7, 15.6, 18.7, 21.3, 23.5, 25.4, 26.9, 28.1],
    medium: [0, 5.6, 12.4, 20, 27.6, 33.3, 37.6, 41.1, 44.1, 46.9, 48.7],
    high: [0, 16.3, 29.1, 38.9, 46.7, 52.6, 57.6, 62, 65.9, 69.4, 72.6],
  }),
  'patching-small': gem(SLAB_DENSITIES, {
    low: [0, 0, 0.9, 2, 3, 3.5, 3.7, 4.1, 4.3, 4.3, 4.3],
    medium: [0, 2.2, 3.4, 7, 9.4, 11.9, 13.7, 15, 15.4, 15.9, 15.7],
    high: [0, 4.8, 9.1, 12.8, 16.1, 18.5, 21.3, 23.5, 24.8, 25.2, 25.4],
  }),
  'polished-aggregate': gem(SLAB_DENSITIES, { all: [0, 2, 3.7, 5.4, 6.3, 7.4, 8.1, 8.7, 9.1, 9.8, 9.8] }),
  popouts: gem(SLAB_DENSITIES, { all: [0, 2.2, 4.1, 5.9, 7.8, 9.8, 12, 13.7, 14.6, 15.2, 15.4] }),
  pumping: gem(SLAB_DENSITIES, { all: [0, 6.1, 11.9, 17.2, 21.9, 26.1, 29.6, 32.8, 35, 36.7, 37.8] }),
  punchout: gem(SLAB_DENSITIES, {
    low: [0, 14.6, 26.5, 35.2, 41.3, 46.3, 50, 52.6, 53.9, 54.4, 54.6],
    medium: [0, 24.2, 39.5, 48, 55, 60.9, 65.4, 68.5, 70.9, 71.5, 71.3],
    high: [0, 30.2, 48.1, 58.7, 66.1, 71.9, 76.1, 80, 83, 85.4, 87],
  }),
  'railroad-crossing': gem([0, 10, 20, 30, 40, 50, 60], {
    low: [0, 9.4, 15.9, 20.6, 24.1, 27, 29.6],
    medium: [0, 18.3, 30, 35.7, 40.6, 45.4, 50.2],
    high: [0, 55.2, 71.1, 79.4, 85.9, 90.7, 95.2],
  }),
  'scaling-map-cracking': gem(SLAB_DENSITIES, {
    low: [0, 2.2, 4.3, 6.1, 7.8, 9.4, 10.2, 10.6, 11.1, 11.5, 11.7],
    medium: [0, 8.3, 14.1, 18.3, 21.1, 23.5, 25.6, 27.4, 28.9, 29.8, 30.6],
    high: [0, 18, 28.7, 35.4, 40.6, 45.2, 49.4, 53.5, 57.4, 61.3, 65],
  }),
  'shrinkage-cracks': gem(SLAB_DENSITIES, { all: [0, 0, 0, 0.9, 2, 2.8, 3.1, 3.3, 3.7, 3.7, 3.7] }),
  'corner-spalling': gem(SLAB_DENSITIES, {
    low: [0, 1.1, 3.1, 5.6, 8.1, 10.2, 11.1, 12.4, 13.7, 14.6, 15],
    medium: [0, 2.6, 6.3, 9.8, 13.3, 16.1, 18.5, 20.6, 21.7, 22.2, 22.4],
    high: [0, 7, 12.6, 16.9, 20.4, 23.1, 25.2, 27.6, 29.1, 30, 30.6],
  }),
  'joint-spalling': gem(SLAB_DENSITIES, {
    low: [0, 2.4, 4.6, 6.7, 8.5, 10.2, 11.3, 12.2, 12.8, 12.8, 12.2],
    medium: [0, 4.4, 8.9, 13.1, 16.9, 19.1, 20.9, 22.8, 24.1, 25, 25.6],
    high: [0, 15.4, 25.2, 32.4, 37.4, 41.3, 45.2, 48.5, 51.3, 53.9, 56.1],
  }),
};
