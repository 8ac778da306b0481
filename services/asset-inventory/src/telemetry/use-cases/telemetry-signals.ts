import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import type { StoredAsset } from '../../assets/persistence/asset.repository';
import type { StoredReading } from '../readings.port';
import { SHORTFALL_SIGNALS, type ShortfallSignals } from '../../shortfalls/shortfall-signals';

/**
 * What telemetry tells the shortfall rules after its own writes, through their port when the
 * service provides it. A status or condition that could not be told is answered `false`, logged,
 * and stays marked on the device's state for the next sweep to tell again (the calls are
 * repeatable); readings stored are told by the batch's own retry instead, so that error is thrown.
 */
@Injectable()
export class TelemetrySignals {
  constructor(
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SHORTFALL_SIGNALS) private readonly port?: ShortfallSignals,
  ) {}

  async readingsStored(device: StoredAsset, readings: readonly StoredReading[], at: Date): Promise<void> {
    await this.port?.readingsStored({ device, readings, at });
  }

  async statusChanged(
    device: StoredAsset,
    online: boolean,
    lastSeenAt: Date | undefined,
    at: Date,
  ): Promise<boolean> {
    return this.tell('status', device.code, () =>
      this.port?.deviceStatusChanged({ device, online, ...(lastSeenAt && { lastSeenAt }), at }),
    );
  }

  async conditionAssessed(asset: StoredAsset, index: number, at: Date): Promise<boolean> {
    return this.tell('condition', asset.code, () =>
      this.port?.conditionAssessed({ asset, index, source: 'telemetry', at }),
    );
  }

  private async tell(
    what: string,
    deviceId: string,
    call: () => Promise<void> | undefined,
  ): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (err) {
      this.logger.error(
        { err, deviceId },
        `the shortfall rules could not take a device's ${what}; the next sweep tells it again`,
      );
      return false;
    }
  }
}
