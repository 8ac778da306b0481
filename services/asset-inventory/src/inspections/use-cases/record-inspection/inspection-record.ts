import { randomBytes } from 'node:crypto';
import type { Caller } from '@buqi/auth';
import type { Asset } from '../../../assets/domain/asset';
import type { ConditionSummary } from '../../../assets/persistence/asset.schema';
import type { Assessment, InspectionSheet } from '../../domain/inspection';
import type { InspectionDocument } from '../../persistence/inspection.schema';
import type { StoredInspection } from '../../persistence/inspection.repository';
import type { RecordInspectionRequest } from './record-inspection.request';

export const newInspectionId = (): string => `insp-${randomBytes(8).toString('hex')}`;

/** The parts of the request that are the sheet (the rest is when, notes and photos). */
export function sheetOf(request: RecordInspectionRequest): InspectionSheet {
  const { pavement, dust, restroom, calibration } = request;
  return {
    ...(pavement && { pavement }),
    ...(dust && { dust }),
    ...(restroom && { restroom }),
    ...(calibration && { calibration }),
  };
}

// Factors are the models' plain results; a JSON round trip leaves no undefined members to store.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The inspection as stored: the sheet as recorded and what the models found. */
export function inspectionRecord(
  id: string,
  asset: Asset,
  recorded: { inspectedAt: Date; notes?: string; photos?: readonly string[]; sheet: InspectionSheet },
  found: Assessment,
  caller: Pick<Caller, 'principal' | 'now'>,
): InspectionDocument {
  const { condition, dust, hygiene, damage, calibration } = found;
  const name = caller.principal.kind === 'user' ? caller.principal.name : undefined;
  return {
    _id: id,
    assetId: asset.code,
    assetClass: asset.assetClass,
    inspectedAt: recorded.inspectedAt,
    recordedAt: caller.now,
    inspector: { id: caller.principal.id, ...(name && { name }) },
    ...(recorded.notes !== undefined && { notes: recorded.notes }),
    ...(recorded.photos !== undefined && { photos: [...recorded.photos] }),
    sheet: plain(recorded.sheet) as Record<string, unknown>,
    hasCondition: condition !== undefined,
    ...(condition && {
      condition: {
        index: condition.index,
        ...(condition.grade && { grade: condition.grade.code, gradeName: { ...condition.grade.name } }),
        ...(condition.action && { action: condition.action }),
        method: condition.method,
        factors: plain(condition.factors) as Record<string, unknown>,
      },
    }),
    ...(dust && { dust: plain(dust) as unknown as NonNullable<InspectionDocument['dust']> }),
    ...(hygiene && { hygiene: plain(hygiene) as unknown as Record<string, unknown> }),
    ...(damage && { damage: { ...damage } }),
    ...(calibration && { calibration: { ...calibration } }),
    signalPending: true,
  };
}

/** The latest condition an inspection gives its asset (what the asset keeps and publishes). */
export function conditionSummaryOf(inspection: StoredInspection): ConditionSummary | undefined {
  const c = inspection.condition;
  if (!c) return undefined;
  return {
    index: c.index,
    ...(c.grade !== undefined && { grade: c.grade }),
    ...(c.action !== undefined && { action: c.action }),
    method: c.method,
    assessedAt: inspection.inspectedAt,
  };
}
