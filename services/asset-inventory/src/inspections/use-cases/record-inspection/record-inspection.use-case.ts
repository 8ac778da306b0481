import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { ConflictError } from '@buqi/domain-kernel';
import { AssetRepository, type StoredAsset } from '../../../assets/persistence/asset.repository';
import { assessInspection, inspectionTime } from '../../domain/assess-inspection';
import { InspectionRepository, type StoredInspection } from '../../persistence/inspection.repository';
import { inspectionRecord, newInspectionId, sheetOf } from './inspection-record';
import { LatestCondition } from './latest-condition';
import { TellShortfallRules } from './tell-shortfall-rules';
import type { RecordInspectionRequest } from './record-inspection.request';

export interface RecordedInspection {
  inspection: StoredInspection;
  /** Whether it now gives the asset's latest condition (an older one stays in the history only). */
  becameLatest: boolean;
  asset: StoredAsset;
}

/**
 * Records an inspection: assessed by its class's condition models (nothing is written if they refuse
 * the sheet), stored in the history, made the asset's latest condition if it is the newest, audited,
 * and told to the shortfall rules.
 */
@Injectable()
export class RecordInspection {
  constructor(
    private readonly assets: AssetRepository,
    private readonly inspections: InspectionRepository,
    private readonly latest: LatestCondition,
    private readonly tell: TellShortfallRules,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, request: RecordInspectionRequest, caller: Caller): Promise<RecordedInspection> {
    const asset = await this.assets.get(code);
    if (asset.status === 'retired')
      throw new ConflictError('asset-retired', `asset ${code} is retired: it is no longer inspected`, {
        id: code,
      });
    const inspectedAt = inspectionTime(
      request.inspectedAt === undefined ? undefined : new Date(request.inspectedAt),
      caller.now,
      asset.installedOn,
    );
    const sheet = sheetOf(request);
    const found = assessInspection(asset, sheet);
    const inspection = await this.inspections.insert(
      inspectionRecord(
        newInspectionId(),
        asset,
        { inspectedAt, notes: request.notes, photos: request.photos, sheet },
        found,
        caller,
      ),
    );
    const { asset: after, applied } = await this.latest.refresh(asset, caller);
    const becameLatest = applied?.id === inspection.id;
    await this.audit.record({
      actor: caller.principal,
      action: 'inspection.record',
      resource: { type: 'inspection', id: inspection.id },
      after: {
        assetId: code,
        inspectedAt,
        ...(inspection.condition && { condition: withoutFactors(inspection.condition) }),
        ...(inspection.dust && { dustLoadGPerM2: inspection.dust.loadGPerM2 }),
        ...(inspection.damage && { damage: inspection.damage }),
        becameLatest,
        ...(applied && { assetVersion: after.version }),
      },
      origin: caller.origin,
    });
    await this.tell.execute(inspection, after);
    return { inspection, becameLatest, asset: after };
  }
}

// The audit trail keeps what was decided; the factors stay with the inspection.
function withoutFactors({ factors: _factors, ...summary }: NonNullable<StoredInspection['condition']>) {
  return summary;
}
