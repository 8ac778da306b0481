import { Injectable } from '@nestjs/common';
import { WorkOrderCompletedV1, type EnvelopeOf } from '@buqi/contracts';
import { NotFoundError } from '@buqi/domain-kernel';
import { NonRetriableError, OnEvent } from '@buqi/messaging';
import { BookActual } from '../use-cases/book-actual.use-case';

/**
 * Completed work's actual costs, booked against the budget. A completion in a year with no budget
 * open is dead-lettered with that reason: re-drive it once finance has opened the year.
 */
@Injectable()
export class WorkOrderCompletedConsumer {
  constructor(private readonly book: BookActual) {}

  @OnEvent(WorkOrderCompletedV1)
  async handle(event: EnvelopeOf<typeof WorkOrderCompletedV1>): Promise<void> {
    try {
      await this.book.execute(event.id, event.data);
    } catch (err) {
      if (err instanceof NotFoundError)
        throw new NonRetriableError(`cannot book ${event.data.workOrderId}: ${err.message}`);
      throw err;
    }
  }
}
