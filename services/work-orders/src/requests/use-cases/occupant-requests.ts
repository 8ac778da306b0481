import { createHash, randomBytes } from 'node:crypto';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AuditTrail, RateLimiter, type Caller, type RateLimitRule } from '@buqi/auth';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { supervises } from '../../orders/domain/access';
import { WorkOrderRepository } from '../../orders/persistence/work-order.repository';
import { OpenWorkOrder } from '../../orders/use-cases/open-work-order';
import { viewerOf, WorkOrderCommands } from '../../orders/use-cases/work-order-commands';
import {
  CATEGORIES,
  maskPhone,
  publicTimeline,
  type Category,
  type PublicStep,
} from '../domain/occupant-request';
import { KnownAssets } from '../../assets/known-assets';
import { OCCUPANT_REQUEST_MODEL, type OccupantRequestDocument } from '../persistence/occupant-request.schema';

/**
 * Reports from one client device (the id its page keeps in local storage, sent as X-Device-Id), on
 * top of the per-address limit of the route; counted here, as the device is not a signed-in one.
 */
export const PER_DEVICE: RateLimitRule = {
  name: 'occupant-report-device',
  limit: 5,
  windowSeconds: 3600,
  by: 'ip',
};

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Report {
  readonly assetId: string;
  readonly category: Category;
  readonly description: string;
  readonly phone?: string;
}

export interface Tracking {
  readonly reference: string;
  readonly assetId: string;
  readonly category: string;
  readonly state: string;
  readonly timeline: PublicStep[];
  readonly resolveBy: string;
  /** Photos the reporter sent. */
  readonly photos: number;
  readonly feedback?: { rating: number; comment?: string; at: string };
}

/**
 * Occupants' reports (a QR code on a restroom door): no account; a report on an asset becomes a
 * work order of the asset's department with the category's task type and priority, and the reporter
 * gets a tracking link (a random token, stored only as its SHA-256) that shows what happened and
 * takes their rating once the work is done (事事有回音). Their phone number is shown whole only to a
 * supervisor of that department (audited), masked everywhere else. Limited per address (the route)
 * and per client device (here).
 */
@Injectable()
export class OccupantRequests {
  constructor(
    @InjectModel(OCCUPANT_REQUEST_MODEL) private readonly requests: Model<OccupantRequestDocument>,
    private readonly assets: KnownAssets,
    private readonly orders: WorkOrderRepository,
    private readonly open: OpenWorkOrder,
    private readonly commands: WorkOrderCommands,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditTrail,
  ) {}

  async submit(
    report: Report,
    deviceId: string | undefined,
    now = new Date(),
  ): Promise<{ reference: string; token: string }> {
    if (deviceId) {
      const decision = await this.limiter.take(PER_DEVICE, `device:${deviceId}`);
      if (!decision.allowed)
        throw new HttpException(
          `Too many reports from this device: ${PER_DEVICE.limit} an hour; retry after ${Math.ceil(decision.retryAfterMs / 1000)} s`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
    }
    const asset = await this.assets.find(report.assetId);
    if (!asset)
      throw new DomainValidationError(
        'assetId',
        report.assetId,
        'is not an asset of the campus (check the code on the sign)',
      );
    const kind = CATEGORIES[report.category];
    const reference = `wo-${now.getUTCFullYear()}-r${randomBytes(5).toString('hex')}`;
    const token = randomBytes(24).toString('base64url');
    await this.open.fromRequest(
      reference,
      {
        assetId: asset._id,
        department: asset.department,
        ...(asset.zoneId && { zoneId: asset.zoneId }),
        priority: kind.priority,
        taskType: kind.taskType,
        title: `${kind.title}: ${asset.name}`.slice(0, 200),
        description: report.description,
      },
      now,
    );
    await this.requests.create({
      _id: reference,
      workOrderId: reference,
      trackingHash: hash(token),
      assetId: asset._id,
      category: report.category,
      description: report.description,
      ...(report.phone && { phone: report.phone }),
      createdAt: now,
    });
    return { reference, token };
  }

  async track(token: string): Promise<Tracking> {
    const request = await this.byToken(token);
    const order = await this.orders.get(request.workOrderId);
    return {
      reference: request._id,
      assetId: request.assetId,
      category: request.category,
      state: order.state,
      timeline: publicTimeline(order.history),
      photos: order.photos.filter((p) => p.by === 'occupant-report').length,
      resolveBy: new Date(order.due.resolveBy).toISOString(),
      ...(request.feedback && {
        feedback: { ...request.feedback, at: new Date(request.feedback.at).toISOString() },
      }),
    };
  }

  /** A photo of the problem from the reporter, onto the order (while it is open). */
  async addPhoto(token: string, bytes: Buffer, sentAs: string): Promise<Tracking> {
    const request = await this.byToken(token);
    await this.commands.addReporterPhoto(request.workOrderId, bytes, sentAs);
    return this.track(token);
  }

  /** The reporter's rating of the fix: once, after the work is completed. */
  async rate(
    token: string,
    rating: number,
    comment: string | undefined,
    now = new Date(),
  ): Promise<Tracking> {
    const request = await this.byToken(token);
    const order = await this.orders.get(request.workOrderId);
    if (order.state !== 'completed' && order.state !== 'verified')
      throw new ConflictError('not-done', `the work is ${order.state}; rate it once it is completed`, {
        current: order.state,
      });
    const done = await this.requests.updateOne(
      { _id: request._id, feedback: null },
      { $set: { feedback: { rating, ...(comment && { comment }), at: now } } },
    );
    if (done.modifiedCount === 0) throw new ConflictError('rated', 'this report has been rated already');
    return this.track(token);
  }

  /** The reporter's phone: whole for a supervisor of the order's department (audited), masked otherwise. */
  async contact(workOrderId: string, caller: Caller): Promise<{ phone: string | null; masked: boolean }> {
    const request = await this.requests.findOne({ workOrderId }).lean<OccupantRequestDocument>();
    if (!request) throw new NotFoundError('occupant report', workOrderId);
    const order = await this.orders.get(workOrderId);
    if (!request.phone) return { phone: null, masked: false };
    if (!supervises(viewerOf(caller), order)) return { phone: maskPhone(request.phone), masked: true };
    await this.audit.record({
      actor: caller.principal,
      action: 'request.reveal-phone',
      resource: { type: 'occupant-report', id: request._id },
      origin: caller.origin,
    });
    return { phone: request.phone, masked: false };
  }

  private async byToken(token: string): Promise<OccupantRequestDocument> {
    const request = await this.requests
      .findOne({ trackingHash: hash(token) })
      .lean<OccupantRequestDocument>();
    if (!request) throw new NotFoundError('report', 'with this tracking link');
    return request;
  }
}
