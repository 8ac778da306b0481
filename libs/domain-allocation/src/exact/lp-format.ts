import type { Instance } from '../instance';

/** Column name of flat option k in the LP text. */
export const column = (k: number): string => `x${k}`;

const TERMS_PER_LINE = 12;

/**
 * The selection problem as a CPLEX LP-format MILP over binary x_k (option k chosen):
 *   maximise  Σ_k benefit_k·x_k
 *   pick_i:   Σ_{k of i} x_k ≤ 1        (= 1 when i is forced)
 *   row_r:    Σ_{k touching r} cost_k·x_k ≤ limit_r   for each envelope, department cap, zone cap
 *   dep_i_j:  Σ_{k of i} x_k − Σ_{k of j} x_k ≤ 0      for each dependency i → j
 * Only usable options appear; a candidate with none is left out.
 */
export function toLpFormat(instance: Instance): string {
  const { optStart, optCost, optBenefit, optEnvelopeRow, departmentRow, zoneRow, forced, limit } = instance;
  const out: string[] = ['Maximize', ' obj:'];
  const objective: string[] = [];
  for (let k = 0; k < optBenefit.length; k++)
    if (optBenefit[k] > 0) objective.push(`${optBenefit[k]} ${column(k)}`);
  pushTerms(out, objective.length > 0 ? objective : [`0 ${column(0)}`]);

  out.push('Subject To');
  const rowTerms: string[][] = Array.from(limit, () => []);
  for (let i = 0; i < instance.candidateCount; i++) {
    if (optStart[i] === optStart[i + 1]) continue;
    const picks: string[] = [];
    for (let k = optStart[i]; k < optStart[i + 1]; k++) {
      picks.push(column(k));
      const term = `${optCost[k]} ${column(k)}`;
      for (const r of [optEnvelopeRow[k], departmentRow[i], zoneRow[i]])
        if (r >= 0 && optCost[k] > 0) rowTerms[r].push(term);
    }
    out.push(` pick${i}:`);
    pushTerms(out, picks, ' + ');
    out.push(forced[i] === 1 ? '  = 1' : '  <= 1');
  }
  rowTerms.forEach((terms, r) => {
    if (terms.length === 0) return;
    out.push(` row${r}:`);
    pushTerms(out, terms, ' + ');
    out.push(`  <= ${limit[r]}`);
  });
  for (let i = 0; i < instance.candidateCount; i++) {
    if (optStart[i] === optStart[i + 1]) continue;
    for (const j of instance.dependsOn[i]) {
      const terms: string[] = [];
      for (let k = optStart[i]; k < optStart[i + 1]; k++) terms.push(`+ ${column(k)}`);
      for (let k = optStart[j]; k < optStart[j + 1]; k++) terms.push(`- ${column(k)}`);
      out.push(` dep${i}_${j}:`);
      pushTerms(out, terms, ' ');
      out.push('  <= 0');
    }
  }
  out.push('Binaries');
  const all: string[] = [];
  for (let k = 0; k < optBenefit.length; k++) all.push(column(k));
  pushTerms(out, all, ' ');
  out.push('End', '');
  return out.join('\n');
}

/** Long rows are split over several lines, which the LP format allows. */
function pushTerms(out: string[], terms: readonly string[], separator = ' + '): void {
  for (let n = 0; n < terms.length; n += TERMS_PER_LINE) {
    const chunk = terms.slice(n, n + TERMS_PER_LINE).join(separator);
    out.push(`  ${n > 0 && separator.trim() === '+' ? '+ ' : ''}${chunk}`);
  }
}
