import { Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, RateLimit, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  Closed,
  Literals,
  Public,
  readRawBody,
  ValidBody,
  ValidParams,
} from '@buqi/platform';
import { PHOTO_LIMITS, PHOTO_TYPES } from '../../orders/evidence/photo';
import { CATEGORIES, type Category } from '../domain/occupant-request';
import { OccupantRequests } from '../use-cases/occupant-requests';

const ReportRequest = Closed(
  {
    assetId: Type.String({
      pattern: '^[A-Z][A-Z0-9-]{2,30}$',
      description: 'The code on the sign, e.g. NY-RR-003',
    }),
    category: Literals(Object.keys(CATEGORIES) as Category[], 'What is wrong'),
    description: Type.String({ minLength: 2, maxLength: 500 }),
    phone: Type.Optional(
      Type.String({
        pattern: '^\\+?[0-9 -]{7,20}$',
        description: 'To be called back; shown only to the supervisor',
      }),
    ),
  },
  'A report from an occupant, without an account',
);
type ReportRequest = Static<typeof ReportRequest>;
const TrackParams = Closed({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) });
type TrackParams = Static<typeof TrackParams>;
const RateRequest = Closed(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 300 })),
  },
  'How well it was fixed, 1–5',
);
type RateRequest = Static<typeof RateRequest>;
const OrderParams = Closed({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' }) });
type OrderParams = Static<typeof OrderParams>;

const Tracking = Type.Object({
  reference: Type.String(),
  assetId: Type.String(),
  category: Type.String(),
  state: Type.String(),
  timeline: Type.Array(Type.Object({ what: Type.String(), at: Type.String({ format: 'date-time' }) })),
  resolveBy: Type.String({ format: 'date-time' }),
  photos: Type.Integer({ description: 'Photos the reporter sent' }),
  feedback: Type.Optional(
    Type.Object({
      rating: Type.Integer(),
      comment: Type.Optional(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});

/** Occupants' reports: public, rate-limited, answered through a tracking link. */
@ApiTags('requests')
@Controller('requests')
export class OccupantRequestsController {
  constructor(private readonly requests: OccupantRequests) {}

  @Post()
  @Public()
  @HttpCode(201)
  @RateLimit({ name: 'occupant-report-ip', limit: 20, windowSeconds: 3600, by: 'ip' })
  @ApiOperation({ summary: 'Report a problem (no account): answers with the tracking link, shown once' })
  @ApiResult(
    201,
    Type.Object({ reference: Type.String(), trackingUrl: Type.String() }),
    'Received: keep the link to follow it',
  )
  @ApiProblem(422, 'Not an asset of the campus')
  @ApiProblem(429, 'Too many reports from this address or device')
  async report(
    @ValidBody(ReportRequest) body: ReportRequest,
    @Headers('x-device-id') deviceId: string | undefined,
  ): Promise<{ reference: string; trackingUrl: string }> {
    const device = deviceId && /^[A-Za-z0-9_-]{8,64}$/.test(deviceId) ? deviceId : undefined;
    const { reference, token } = await this.requests.submit(body, device);
    return { reference, trackingUrl: `/requests/track/${token}` };
  }

  @Get('track/:token')
  @Public()
  @RateLimit({ name: 'occupant-track-ip', limit: 120, windowSeconds: 3600, by: 'ip' })
  @ApiOperation({ summary: 'What became of a report: its state and course, no names' })
  @ApiResult(200, Tracking, 'The report’s course')
  @ApiProblem(404, 'No report has this link')
  track(@ValidParams(TrackParams) params: TrackParams): Promise<Static<typeof Tracking>> {
    return this.requests.track(params.token);
  }

  @Post('track/:token/photos')
  @Public()
  @HttpCode(200)
  @RateLimit({ name: 'occupant-photo-ip', limit: 20, windowSeconds: 3600, by: 'ip' })
  @ApiOperation({ summary: 'Add a photo of the problem (JPEG, PNG or WebP, at most 5 MiB) while it is open' })
  @ApiConsumes(...PHOTO_TYPES)
  @ApiResult(200, Tracking, 'The report with the photo')
  @ApiProblem(404, 'No report has this link')
  @ApiProblem(409, 'Closed, or it has the most photos an order may have')
  @ApiProblem(413, 'Larger than the limit')
  @ApiProblem(415, 'Not an image of those types')
  async photo(
    @ValidParams(TrackParams) params: TrackParams,
    @Req() request: IncomingMessage,
  ): Promise<Static<typeof Tracking>> {
    const { bytes, type } = await readRawBody(request, {
      limit: PHOTO_LIMITS.maxBytes,
      accept: PHOTO_TYPES,
      what: 'photo',
    });
    return this.requests.addPhoto(params.token, bytes, type);
  }

  @Post('track/:token/feedback')
  @Public()
  @HttpCode(200)
  @RateLimit({ name: 'occupant-feedback-ip', limit: 20, windowSeconds: 3600, by: 'ip' })
  @ApiOperation({ summary: 'Rate the fix, once it is done (1–5)' })
  @ApiResult(200, Tracking, 'Rated')
  @ApiProblem(404, 'No report has this link')
  @ApiProblem(409, 'Not done yet, or rated already')
  rate(
    @ValidParams(TrackParams) params: TrackParams,
    @ValidBody(RateRequest) body: RateRequest,
  ): Promise<Static<typeof Tracking>> {
    return this.requests.rate(params.token, body.rating, body.comment);
  }

  @Get('by-order/:id/contact')
  @ApiBearerAuth()
  @Roles('supervisor', 'department-head', 'admin')
  @ApiOperation({
    summary: 'The reporter’s phone: whole for the order’s supervisor (audited), masked otherwise',
  })
  @ApiResult(
    200,
    Type.Object({ phone: Type.Union([Type.String(), Type.Null()]), masked: Type.Boolean() }),
    'The number',
  )
  @ApiProblem(404, 'The order came from no report')
  contact(@ValidParams(OrderParams) params: OrderParams, @Caller() caller: Caller) {
    return this.requests.contact(params.id, caller);
  }
}
