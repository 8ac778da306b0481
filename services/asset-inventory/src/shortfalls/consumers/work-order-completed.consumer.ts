import { Injectable } from '@nestjs/common';
import { WorkOrderCompletedV1, type EnvelopeOf } from '@buqi/contracts';
import { NonRetriableError, OnEvent } from '@buqi/messaging';
import { AssetRepository } from '../../assets/persistence/asset.repository';
import { MaintenanceRepository } from '../persistence/maintenance.repository';
import { ShortfallBook } from '../persistence/shortfall-book';

/**
 * Closes the loop: a completed work order goes into its asset's maintenance history and moves the
 * shortfall it fixed (or, when it names none, every open one of the asset) to awaiting verification,
 * until an inspection or telemetry confirms the repair or finds it did not hold. A redelivered event
 * is skipped by the consumer; one handled again after a crash finds its shortfalls already awaiting
 * verification and its record written. A work order completed again after a failed verification
 * (a new event) moves the reopened shortfall to awaiting verification again.
 */
@Injectable()
export class WorkOrderCompletedConsumer {
  constructor(
    private readonly assets: AssetRepository,
    private readonly book: ShortfallBook,
    private readonly maintenance: MaintenanceRepository,
  ) {}

  @OnEvent(WorkOrderCompletedV1)
  async handle(event: EnvelopeOf<typeof WorkOrderCompletedV1>): Promise<void> {
    const d = event.data;
    // An asset this inventory does not hold: dead-lettered, to be re-driven once it is registered.
    if (!(await this.assets.find(d.assetId)))
      throw new NonRetriableError(`work order ${d.workOrderId} completed on unknown asset ${d.assetId}`);
    const completedAt = new Date(d.completedAt);
    const moved = await this.book.remediate(d.assetId, d.workOrderId, completedAt, d.shortfallId);
    await this.maintenance.record({
      _id: d.workOrderId,
      assetId: d.assetId,
      completedBy: d.completedBy,
      actualCostFen: d.actualCostFen,
      labourHours: d.labourHours,
      completedAt,
      shortfallIds: moved.filter((s) => s.workOrderId === d.workOrderId).map((s) => s.id),
      ...(d.remediationId && { remediationId: d.remediationId }),
      recordedAt: new Date(),
    });
  }
}
