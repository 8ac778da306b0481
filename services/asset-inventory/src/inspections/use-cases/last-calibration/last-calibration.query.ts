import { Injectable } from '@nestjs/common';
import { InspectionRepository } from '../../persistence/inspection.repository';

/**
 * When a monitoring device was last calibrated, by its newest inspection (a device's inspection
 * records a calibration): what its condition's calibration age is measured from.
 */
@Injectable()
export class LastCalibration {
  constructor(private readonly inspections: InspectionRepository) {}

  async of(deviceId: string): Promise<{ at: Date; inspectionId: string; certificate?: string } | undefined> {
    const newest = await this.inspections.newest(deviceId, { withCondition: false });
    if (!newest?.calibration) return undefined;
    return {
      at: newest.inspectedAt,
      inspectionId: newest.id,
      ...(newest.calibration.certificate !== undefined && { certificate: newest.calibration.certificate }),
    };
  }
}
