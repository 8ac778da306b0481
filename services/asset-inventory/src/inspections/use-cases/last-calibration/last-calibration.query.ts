import { Injectable } from '@nestjs/common';
import type { DeviceCalibrations } from '../../../telemetry/calibrations.port';
import { InspectionRepository } from '../../persistence/inspection.repository';

/**
 * When a monitoring device was last calibrated, by its newest inspection (a device's inspection
 * records a calibration): what its condition's calibration age is measured from.
 */
@Injectable()
export class LastCalibration implements DeviceCalibrations {
  constructor(private readonly inspections: InspectionRepository) {}

  async of(deviceId: string): Promise<{ at: Date; inspectionId: string; certificate?: string } | undefined> {
    const newest = await this.inspections.newestCalibration(deviceId);
    if (!newest?.calibration) return undefined;
    return {
      at: newest.inspectedAt,
      inspectionId: newest.id,
      ...(newest.calibration.certificate !== undefined && { certificate: newest.calibration.certificate }),
    };
  }

  async lastCalibratedAt(deviceId: string): Promise<Date | undefined> {
    return (await this.of(deviceId))?.at;
  }
}
