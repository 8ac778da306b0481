import type { EnvelopeKind } from '../../budgets/domain/budget-year';

/** What the funding rules need of a candidate. */
export interface FundingCase {
  readonly safetyCritical: boolean;
  readonly options: readonly {
    readonly option: string;
    readonly costFen?: number;
    readonly missing?: string;
  }[];
}

export type FundingDecision =
  | {
      readonly fund: { readonly envelope: EnvelopeKind; readonly option: string; readonly amountFen: number };
    }
  | {
      readonly defer: {
        readonly reason: 'awaits-plan' | 'not-costed';
        readonly detail: string;
        readonly cheapestFen?: number;
      };
    };

/**
 * The funding rules: the cheapest costed option of a safety-critical shortfall is funded at once from
 * the emergency reserve; of any other, from the maintenance envelope when it costs at most the
 * small-repair limit; anything dearer waits for the investment plan. A candidate with no costed
 * option cannot be funded by rule.
 */
export function fundingDecision(c: FundingCase, smallRepairLimitFen: number): FundingDecision {
  const costed = c.options.filter((o): o is typeof o & { costFen: number } => o.costFen !== undefined);
  if (costed.length === 0)
    return {
      defer: {
        reason: 'not-costed',
        detail:
          c.options.length === 0
            ? 'no remedy option applies to this shortfall'
            : `no option could be costed: ${c.options.map((o) => `${o.option}: ${o.missing ?? 'no cost'}`).join('; ')}`,
      },
    };
  const cheapest = costed.reduce((a, b) => (b.costFen < a.costFen ? b : a));
  if (c.safetyCritical)
    return { fund: { envelope: 'emergency-reserve', option: cheapest.option, amountFen: cheapest.costFen } };
  if (cheapest.costFen <= smallRepairLimitFen)
    return { fund: { envelope: 'maintenance', option: cheapest.option, amountFen: cheapest.costFen } };
  return {
    defer: {
      reason: 'awaits-plan',
      detail: `the cheapest option costs ${cheapest.costFen} fen, above the small-repair limit of ${smallRepairLimitFen} fen`,
      cheapestFen: cheapest.costFen,
    },
  };
}
