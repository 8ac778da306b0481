import { Injectable } from '@nestjs/common';
import { inForceOn, shanghaiDay, type QuotaVersion } from './domain/quota';
import { QuotaVersionRepository } from './persistence/quota-version.repository';

/**
 * The service-quota catalogue as this service knows it from standards.service-quota.v1: what the
 * quality checklist of an order's task type is, what a contractor is paid per unit, how many
 * standard hours a unit is worth.
 */
@Injectable()
export class QuotaCatalogue {
  constructor(private readonly versions: QuotaVersionRepository) {}

  /** One version (the one an order was funded or created with), if it has been published. */
  version(taskType: string, version: number): Promise<QuotaVersion | undefined> {
    return this.versions.find(taskType, version);
  }

  /** The version in force on a day: a YYYY-MM-DD, or an instant taken as its day in Asia/Shanghai. */
  async inForce(taskType: string, date: Date | string): Promise<QuotaVersion | undefined> {
    const day = typeof date === 'string' ? date : shanghaiDay(date);
    return inForceOn(await this.versions.ofTaskType(taskType), day);
  }

  /** A task type's versions, oldest first (none when it was never published). */
  ofTaskType(taskType: string): Promise<QuotaVersion[]> {
    return this.versions.ofTaskType(taskType);
  }

  /** Every version of every task type. */
  all(): Promise<QuotaVersion[]> {
    return this.versions.all();
  }
}
