import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrdersModule } from '../orders/orders.module';
import { AssetStateConsumer } from './consumers/asset-state.consumer';
import { OccupantRequestsController } from './http/occupant-requests.controller';
import { KNOWN_ASSET_MODEL, knownAssetSchema } from './persistence/known-asset.schema';
import { OCCUPANT_REQUEST_MODEL, occupantRequestSchema } from './persistence/occupant-request.schema';
import { OccupantRequests } from './use-cases/occupant-requests';

/** Occupants' reports without an account, the assets they can be made on, and the tracking link. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: OCCUPANT_REQUEST_MODEL, schema: occupantRequestSchema },
      { name: KNOWN_ASSET_MODEL, schema: knownAssetSchema },
    ]),
    OrdersModule,
  ],
  controllers: [OccupantRequestsController],
  providers: [OccupantRequests, AssetStateConsumer],
})
export class RequestsModule {}
