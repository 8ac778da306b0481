import { PartnerIndex } from './partner-index';
import type { SelectionState } from './selection-state';

const EPSILON = 1e-9;

/**
 * One pass of exchange moves: for every candidate and every option that would add benefit, if the
 * move (with its dependency bundle) does not fit, look for one funded candidate whose downgrade or
 * removal makes room in every overrun row for less benefit than the move gains, and apply the best
 * such pair. Removals never strand a dependent or drop a forced candidate. Returns the moves applied.
 */
export function exchangePass(state: SelectionState, deadline: number): number {
  const { instance } = state;
  const partners = new PartnerIndex(state);
  let applied = 0;
  for (let i = 0; i < instance.candidateCount; i++) {
    if ((i & 63) === 0 && performance.now() > deadline) break;
    if (improveCandidate(state, partners, i)) applied++;
  }
  return applied;
}

function improveCandidate(state: SelectionState, partners: PartnerIndex, i: number): boolean {
  const { optStart, optBenefit } = state.instance;
  for (let k = optStart[i]; k < optStart[i + 1]; k++) {
    if (k === state.choice[i] || optBenefit[k] <= state.benefitOf(i)) continue;
    const bundle = state.isFunded(i) ? [] : state.unfundedClosure(i);
    const picks = bundle.map((u) => state.cheapestOption(u));
    let gain = optBenefit[k] - state.benefitOf(i);
    bundle.forEach((u, n) => {
      gain += optBenefit[picks[n]];
      state.stage(u, picks[n]);
    });
    state.stage(i, k);
    const partner = state.stagedFits() ? NO_PARTNER : bestPartner(state, partners, i, gain);
    if (partner === undefined) {
      state.clearStage();
      continue;
    }
    if (partner.candidate >= 0) state.stage(partner.candidate, partner.option);
    state.commitStage();
    bundle.forEach((u, n) => (state.choice[u] = picks[n]));
    state.choice[i] = k;
    if (partner.candidate >= 0) state.choice[partner.candidate] = partner.option;
    return true;
  }
  return false;
}

const NO_PARTNER = { candidate: -1, option: -1 };

/** The funded candidate whose switch frees room for i's staged move at the least loss below `gain`. */
function bestPartner(
  state: SelectionState,
  partners: PartnerIndex,
  i: number,
  gain: number,
): { candidate: number; option: number } | undefined {
  const over = state.stagedRows().filter((r) => state.stagedExcess(r) > 0);
  const excess = over.map((r) => state.stagedExcess(r));
  const pool = over.reduce((a, b) => (partners.size(b) < partners.size(a) ? b : a));
  // Neither i itself nor anything it depends on may make way for it.
  const ancestors = state.markAncestors(i);
  return partners.cheapestFit(
    pool,
    gain - EPSILON,
    over,
    excess,
    (m) => m === i || state.isMarked(m, ancestors),
  );
}
