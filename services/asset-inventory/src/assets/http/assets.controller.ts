import { Controller, Delete, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  IfMatch,
  pageOf,
  setEtag,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import type { AssetClass } from '../domain/asset';
import {
  AssetParams,
  RegisterDeviceRequest,
  RegisterRestroomRequest,
  RegisterRoadSegmentRequest,
  ReviseDeviceRequest,
  ReviseRestroomRequest,
  ReviseRoadSegmentRequest,
  type AssetRequest,
} from '../use-cases/asset-requests';
import { DeviceKeys } from '../use-cases/device-keys.use-case';
import { GetAsset } from '../use-cases/get-asset.query';
import { ListAssets, ListAssetsQuery } from '../use-cases/list-assets.query';
import { RegisterAsset } from '../use-cases/register-asset.use-case';
import { ReviseAsset } from '../use-cases/revise-asset.use-case';
import { AssetView, CreatedDeviceView, toAssetView } from './asset.view';

const WRITERS = ['asset-manager', 'admin'] as const;

/**
 * The inventory's assets: one list and read for every class, and per class a create and a revise
 * (a revision sends the whole description back with If-Match). Asset managers write; everyone
 * signed in reads.
 */
@ApiTags('assets')
@ApiBearerAuth()
@Controller()
export class AssetsController {
  constructor(
    private readonly register: RegisterAsset,
    private readonly revise: ReviseAsset,
    private readonly list: ListAssets,
    private readonly getAsset: GetAsset,
    private readonly keys: DeviceKeys,
  ) {}

  @Get('assets')
  @ApiOperation({ summary: 'Assets of every class, a page at a time, filtered and sorted' })
  @ApiResult(200, pageOf(AssetView), 'One page of assets')
  async assets(@ValidQuery(ListAssetsQuery) query: ListAssetsQuery) {
    const page = await this.list.execute(query);
    return { ...page, items: page.items.map(toAssetView) };
  }

  @Get('assets/:code')
  @ApiOperation({ summary: 'One asset; its ETag is its version' })
  @ApiResult(200, AssetView, 'The asset')
  @ApiProblem(404, 'No such asset')
  async asset(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AssetView> {
    return this.answer(await this.getAsset.execute(params.code), response);
  }

  @Post('road-segments')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Register a road segment' })
  @ApiResult(201, AssetView, 'The road segment, version 1')
  @ApiProblem(409, 'An asset with this code exists')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async road(
    @ValidBody(RegisterRoadSegmentRequest) body: RegisterRoadSegmentRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.create('road-segment', body, caller, response);
  }

  @Post('restrooms')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Register a restroom (in a building)' })
  @ApiResult(201, AssetView, 'The restroom, version 1')
  @ApiProblem(409, 'An asset with this code exists')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async restroom(
    @ValidBody(RegisterRestroomRequest) body: RegisterRestroomRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.create('restroom', body, caller, response);
  }

  @Post('monitoring-devices')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Register a monitoring device; the answer carries its API key, shown this once' })
  @ApiResult(201, CreatedDeviceView, 'The device and its API key')
  @ApiProblem(409, 'An asset with this code exists')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async device(
    @ValidBody(RegisterDeviceRequest) body: RegisterDeviceRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.create('monitoring-device', body, caller, response);
  }

  @Put('road-segments/:code')
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Replace a road segment's description (If-Match: the version you read)" })
  @ApiResult(200, AssetView, 'The road segment as revised')
  @ApiProblem(409, 'It changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async reviseRoad(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidBody(ReviseRoadSegmentRequest) body: Static<typeof ReviseRoadSegmentRequest>,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.answer(
      await this.revise.execute(params.code, version, { assetClass: 'road-segment', ...body }, caller),
      response,
    );
  }

  @Put('restrooms/:code')
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Replace a restroom's description (If-Match: the version you read)" })
  @ApiResult(200, AssetView, 'The restroom as revised')
  @ApiProblem(409, 'It changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async reviseRestroom(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidBody(ReviseRestroomRequest) body: Static<typeof ReviseRestroomRequest>,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.answer(
      await this.revise.execute(params.code, version, { assetClass: 'restroom', ...body }, caller),
      response,
    );
  }

  @Put('monitoring-devices/:code')
  @Roles(...WRITERS)
  @ApiOperation({
    summary: "Replace a device's description (If-Match: the version you read); its key is kept",
  })
  @ApiResult(200, AssetView, 'The device as revised')
  @ApiProblem(409, 'It changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  @ApiProblem(422, 'Not on its site, its zone or building, or its measures do not hold together')
  async reviseDevice(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidBody(ReviseDeviceRequest) body: Static<typeof ReviseDeviceRequest>,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.answer(
      await this.revise.execute(params.code, version, { assetClass: 'monitoring-device', ...body }, caller),
      response,
    );
  }

  @Post('monitoring-devices/:code/key')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary:
      'Issue a new API key for a device: the old one stops working at once; the new one is shown this once',
  })
  @ApiResult(200, CreatedDeviceView, 'The device and its new API key')
  async rotateKey(@ValidParams(AssetParams) params: Static<typeof AssetParams>, @Caller() caller: Caller) {
    const { asset, apiKey } = await this.keys.rotate(params.code, caller);
    return { ...toAssetView(asset), apiKey };
  }

  @Delete('monitoring-devices/:code/key')
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Revoke a device's API key: it is refused until a new key is issued" })
  @ApiResult(200, AssetView, 'The device, its key revoked')
  async revokeKey(@ValidParams(AssetParams) params: Static<typeof AssetParams>, @Caller() caller: Caller) {
    return toAssetView(await this.keys.revoke(params.code, caller));
  }

  private async create(
    assetClass: AssetClass,
    body: { code: string } & Omit<AssetRequest, 'assetClass'>,
    caller: Caller,
    response: ServerResponse,
  ) {
    const { code, ...rest } = body;
    const { asset, apiKey } = await this.register.execute(
      code,
      { assetClass, ...rest } as AssetRequest,
      caller,
    );
    response.setHeader('Location', `/assets/${asset.code}`);
    setEtag(response, asset.version);
    return { ...toAssetView(asset), ...(apiKey && { apiKey }) };
  }

  private answer(asset: Parameters<typeof toAssetView>[0], response: ServerResponse): AssetView {
    setEtag(response, asset.version);
    return toAssetView(asset);
  }
}
