import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import {
  SHORTFALL_SIGNALS,
  type ConditionAssessed,
  type ShortfallSignals,
} from '../../../shortfalls/shortfall-signals';

/**
 * Tells the shortfall rules of an assessed condition, after the inspection and the asset are stored.
 * A failing rule neither undoes nor fails the inspection (a client retrying it would record it twice):
 * it is logged and `false` returned, and the inspection stays pending for the sweep to tell again.
 */
@Injectable()
export class ConditionSignal {
  constructor(
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SHORTFALL_SIGNALS) private readonly signals?: ShortfallSignals,
  ) {}

  async send(signal: ConditionAssessed): Promise<boolean> {
    if (!this.signals) return true;
    try {
      await this.signals.conditionAssessed(signal);
      return true;
    } catch (err) {
      this.logger.error(
        { err, assetId: signal.asset.code, source: signal.source },
        'the shortfall rules could not take an assessed condition',
      );
      return false;
    }
  }
}
