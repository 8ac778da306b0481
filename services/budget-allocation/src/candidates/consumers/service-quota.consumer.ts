import { Injectable } from '@nestjs/common';
import { ServiceQuotaV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { ReconsiderCandidates } from '../use-cases/reconsider-candidates.use-case';

/**
 * A quota version published (by this service's own quota catalogue): candidates that could not be
 * costed for want of a quota of its task type are considered again.
 */
@Injectable()
export class ServiceQuotaConsumer {
  constructor(private readonly reconsider: ReconsiderCandidates) {}

  @OnEvent(ServiceQuotaV1)
  async handle(event: EnvelopeOf<typeof ServiceQuotaV1>): Promise<void> {
    await this.reconsider.needing(event.data.taskType);
  }
}
