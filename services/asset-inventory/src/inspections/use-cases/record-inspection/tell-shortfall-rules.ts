import { Injectable } from '@nestjs/common';
import type { StoredAsset } from '../../../assets/persistence/asset.repository';
import type { ConditionAssessed } from '../../../shortfalls/shortfall-signals';
import { InspectionRepository, type StoredInspection } from '../../persistence/inspection.repository';
import { conditionAssessedOf } from './condition-assessed';
import { ConditionSignal } from './condition-signal';

/**
 * Tells the shortfall rules what an inspection assessed, if it is still the asset's newest of its
 * kind (an older one changes no condition), then clears its pending mark. Telling twice is harmless:
 * the rules re-evaluate the state they are given. A failure leaves the mark for the sweep.
 */
@Injectable()
export class TellShortfallRules {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly signal: ConditionSignal,
  ) {}

  async execute(inspection: StoredInspection, asset: StoredAsset): Promise<void> {
    const signal = await this.signalOf(inspection, asset);
    if (signal && !(await this.signal.send(signal))) return;
    await this.inspections.told(inspection.id);
  }

  private async signalOf(
    inspection: StoredInspection,
    asset: StoredAsset,
  ): Promise<ConditionAssessed | undefined> {
    if (inspection.hasCondition) {
      const newest = await this.inspections.newest(asset.code, { withCondition: true });
      return newest?.id === inspection.id ? conditionAssessedOf(inspection, asset) : undefined;
    }
    // A dust measurement without a condition counts when it is the newest inspection, told beside
    // the condition of the newest assessed one.
    if (!inspection.dust) return undefined;
    const newest = await this.inspections.newest(asset.code, { withCondition: false });
    if (newest?.id !== inspection.id) return undefined;
    const basis = await this.inspections.newest(asset.code, { withCondition: true });
    return conditionAssessedOf(inspection, asset, basis);
  }
}
