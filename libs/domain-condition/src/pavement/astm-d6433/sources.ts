import type { SourceNote } from '../pavement-types';

/*
 * Where the figures of the D6433 model come from. The standard's charts could not be read in the
 * original; the curves are the open digitisations named here, each read at the commit given.
 */

export const GEM = 'brandnewbox/pavement_condition_index@32209bb (MIT)';
export const ESRI = 'Esri/solutions-components@0e01cfc4 (Apache-2.0)';
export const UNDIP_EXAMPLE =
  'D6433 worked example as reproduced in a Universitas Diponegoro thesis, ' +
  'https://text-id.123dok.com/document/ozlx6lprz-assessment-and-limitation-analysis-of-data.html';

export const SOURCES = {
  asphaltDistressList: {
    status: 'verified',
    ref:
      `ASTM D6433 asphalt distresses 1–20 as numbered in ${ESRI}:src/utils/pciUtils.ts EDistressType ` +
      '(19 raveling and 20 weathering separate); measured by area, length or count as in the D6433 data sheet ' +
      `(${UNDIP_EXAMPLE}: edge cracking in linear ft, potholes counted) and the metric survey form of index id 40796118046`,
  },
  concreteDistressList: {
    status: 'verified',
    ref:
      `ASTM D6433 jointed concrete distresses 21–39 (names as in ${GEM}:lib/pavement_condition_index/lookups/` +
      'observed_deduct_values.rb); counted in slabs, density = slabs with the distress ÷ slabs in the sample unit × 100 ' +
      '(UFC 3-270-08 app. C, http://buildingcriteria1.tpub.com/ufc_3_270_08/ufc_3_270_080021.htm)',
  },
  noSeverity: {
    status: 'verified',
    ref:
      `one deduct curve for all severities in ${GEM}:lib/pavement_condition_index/lookups/observed_deduct_values.rb; ` +
      '"No degrees of severity are defined" for shrinkage cracks and pumping in UFC 3-270-08 / TM 5-826-6 ' +
      '(buildingcriteria1.tpub.com ufc_3_270_080109.htm, ufc_3_260_16fa0119.htm)',
  },
  jointSealDamage: {
    status: 'verified',
    ref:
      'rated for the whole sample unit, not slab by slab (FAA PAVER help, https://faapaveair.faa.gov/Help/Documents/howtocount4.htm); ' +
      `one deduct per severity, 2 / 4 / 8, in ${GEM}:lib/pavement_condition_index/lookups/observed_deduct_values.rb`,
  },
  asphaltDeducts: {
    status: 'verified',
    ref: `${GEM}:lib/pavement_condition_index/lookups/observed_deduct_values.rb, asphalt (log10 density, inch-pound densities)`,
  },
  weatheringDeducts: {
    status: 'verified',
    ref:
      `${ESRI}:src/utils/pciUtils.ts _calcWeathering (polynomial in log10 density) evaluated at the densities listed; ` +
      'the only open source with the weathering curve of the editions that separate it from raveling (single source)',
  },
  concreteDeducts: {
    status: 'verified',
    ref: `${GEM}:lib/pavement_condition_index/lookups/observed_deduct_values.rb, concrete (linear density of slabs)`,
  },
  asphaltCdv: {
    status: 'verified',
    ref:
      `${GEM}:lib/pavement_condition_index/lookups/observed_corrected_deduct_values.rb, asphalt q1–q7 ` +
      `(q ≥ 7 read on q7: "q curve values 7 and higher are all the same", ${ESRI}:src/utils/pciUtils.ts _calcCDV)`,
  },
  concreteCdv: {
    status: 'verified',
    ref: `${GEM}:lib/pavement_condition_index/lookups/observed_corrected_deduct_values.rb, concrete q1–q4, q6, q9 (digitised)`,
  },
  concreteCdvBetween: {
    status: 'unverified-default',
    ref:
      'concrete q5, q7, q8: the chart draws no line for them; read linearly in q between the digitised q4, q6 and q9 ' +
      `(the estimates in ${GEM} observed_corrected_deduct_values.rb ESTIMATED_VALUES agree within 0.05)`,
  },
  concreteCdvBeyond: {
    status: 'unverified-default',
    ref: 'concrete q = 10 read on the q9 curve, the last the chart draws (as asphalt q ≥ 7 is read on q7)',
  },
  gradeBands: {
    status: 'verified',
    ref:
      'ASTM D6433 Fig. 1 rating scale, seven steps with limits 85/70/55/40/25/10 ' +
      `(${GEM}:lib/pavement_condition_index/pci.rb); whole-number bands 86–100, 71–85, 56–70, 41–55, 26–40 as in ` +
      'https://assetlab.ca/glossary/pavement-condition-index; 11–25 serious and 0–10 failed continue the same reading',
  },
} as const satisfies Record<string, SourceNote>;
