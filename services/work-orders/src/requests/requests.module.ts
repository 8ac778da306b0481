import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrdersModule } from '../orders/orders.module';
import { AssetsModule } from '../assets/assets.module';
import { OccupantRequestsController } from './http/occupant-requests.controller';
import { OCCUPANT_REQUEST_MODEL, occupantRequestSchema } from './persistence/occupant-request.schema';
import { OccupantRequests } from './use-cases/occupant-requests';

/** Occupants' reports without an account, the assets they can be made on, and the tracking link. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: OCCUPANT_REQUEST_MODEL, schema: occupantRequestSchema }]),
    OrdersModule,
    AssetsModule,
  ],
  controllers: [OccupantRequestsController],
  providers: [OccupantRequests],
})
export class RequestsModule {}
