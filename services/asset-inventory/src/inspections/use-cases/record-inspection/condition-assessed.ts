import type { StoredAsset } from '../../../assets/persistence/asset.repository';
import type { ConditionAssessed } from '../../../shortfalls/shortfall-signals';
import type { StoredInspection } from '../../persistence/inspection.repository';

/**
 * What an inspection tells the shortfall rules: the condition it assessed, its damage and its dust
 * load. A dust-only inspection assesses no condition: it carries that of `basis`, the asset's newest
 * assessed inspection, beside its dust load, or the dust load alone when the road was never scored.
 */
export function conditionAssessedOf(
  inspection: StoredInspection,
  asset: StoredAsset,
  basis?: StoredInspection,
): ConditionAssessed | undefined {
  const assessed = inspection.condition ? inspection : basis?.condition ? basis : undefined;
  const condition = assessed?.condition;
  if (!condition && !inspection.dust) return undefined;
  return {
    asset,
    ...(condition && { index: condition.index }),
    ...(condition?.grade !== undefined && { grade: condition.grade }),
    ...(condition?.action !== undefined && { action: condition.action }),
    source:
      !assessed || assessed === inspection
        ? `inspection ${inspection.id}`
        : `inspection ${assessed.id}, dust inspection ${inspection.id}`,
    ...(assessed?.damage && { damage: { ...assessed.damage } }),
    ...(inspection.dust && {
      dustLoad: { loadGPerM2: inspection.dust.loadGPerM2, standardGPerM2: inspection.dust.standardGPerM2 },
    }),
    at: inspection.inspectedAt,
  };
}
