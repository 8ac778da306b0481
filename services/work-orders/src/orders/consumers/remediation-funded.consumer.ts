import { Injectable } from '@nestjs/common';
import { RemediationFundedV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { OpenWorkOrder } from '../use-cases/open-work-order';

/** Funded remediation becomes work: one order per remediation, however often its event arrives. */
@Injectable()
export class RemediationFundedConsumer {
  constructor(private readonly open: OpenWorkOrder) {}

  @OnEvent(RemediationFundedV1)
  async handle(event: EnvelopeOf<typeof RemediationFundedV1>): Promise<void> {
    await this.open.fromFunding(event);
  }
}
