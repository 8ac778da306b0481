import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ASSIGNEE_WORKLOAD,
  NoWorkloadYet,
  WORKLOAD_IN_USE,
  workloadInUse,
  type AssigneeWorkload,
} from './assignee-workload';

// How the orders will supply the figures: a global module providing ASSIGNEE_WORKLOAD. A module
// standing in for the directory resolves WORKLOAD_IN_USE as DirectoryModule does.
@Injectable()
class Reader {
  constructor(@Inject(WORKLOAD_IN_USE) readonly workload: AssigneeWorkload) {}
}

@Module({ providers: [workloadInUse, Reader] })
class DirectoryLike {}

class OrdersWorkload implements AssigneeWorkload {
  openStandardHours(ids: string[]) {
    return Promise.resolve(new Map(ids.map((id) => [id, 7.5])));
  }
  onTimeRecord(ids: string[]) {
    return Promise.resolve(new Map(ids.map((id) => [id, { closed: 4, onTime: 3 }])));
  }
}

@Global()
@Module({
  providers: [{ provide: ASSIGNEE_WORKLOAD, useClass: OrdersWorkload }],
  exports: [ASSIGNEE_WORKLOAD],
})
class OrdersLike {}

@Module({ imports: [DirectoryLike] })
class WithoutOrders {}

@Module({ imports: [OrdersLike, DirectoryLike] })
class WithOrders {}

describe('the assignee workload port', () => {
  it('answers zeros for every id until the orders provide the figures', async () => {
    const app = await NestFactory.createApplicationContext(WithoutOrders, { logger: false });
    const workload = app.get(Reader).workload;
    expect(workload).toBeInstanceOf(NoWorkloadYet);
    expect(await workload.openStandardHours(['roads-1', 'hengtai'])).toEqual(
      new Map([
        ['roads-1', 0],
        ['hengtai', 0],
      ]),
    );
    expect(await workload.onTimeRecord(['roads-1'], new Date())).toEqual(
      new Map([['roads-1', { closed: 0, onTime: 0 }]]),
    );
    await app.close();
  });

  it('uses the orders’ figures once a global module provides ASSIGNEE_WORKLOAD', async () => {
    const app = await NestFactory.createApplicationContext(WithOrders, { logger: false });
    const workload = app.get(Reader).workload;
    expect(workload).toBeInstanceOf(OrdersWorkload);
    expect((await workload.openStandardHours(['roads-1'])).get('roads-1')).toBe(7.5);
    await app.close();
  });
});
