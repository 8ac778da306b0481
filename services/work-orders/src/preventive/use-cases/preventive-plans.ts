import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AccessDeniedError, AuditTrail, type Caller } from '@buqi/auth';
import { DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { isWorkingDay } from '@buqi/domain-sla';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { CalendarService } from '../../calendars/calendar.service';
import { OpenWorkOrder } from '../../orders/use-cases/open-work-order';
import { viewerOf } from '../../orders/use-cases/work-order-commands';
import {
  addDays,
  calibrationOccurrence,
  checkSchedule,
  instantOf,
  localDateOf,
  occurrences,
  ROUNDS,
  roundsFor,
  type Schedule,
} from '../domain/schedule';
import { KnownAssets } from '../../assets/known-assets';
import { PREVENTIVE_PLAN_MODEL, type PreventivePlanDocument } from '../persistence/preventive-plan.schema';

export interface PlanRequest {
  readonly name: string;
  readonly department?: string;
  readonly assetIds: string[];
  readonly taskType: string;
  readonly standardHours: number;
  readonly schedule: Schedule;
  readonly windowHours?: number;
  readonly leadDays?: number;
  readonly footfallPerRound?: number;
  readonly calibrationEveryDays?: number;
  readonly reason: string;
}

export interface Occurrence {
  readonly workOrderId: string;
  readonly assetId: string;
  readonly date: string;
  readonly at: string;
}

/**
 * Preventive maintenance: recurring plans (daily cleaning rounds, monthly road inspections, yearly
 * calibrations) generating work orders `leadDays` ahead, on the working calendar. Each occurrence's
 * order id is derived from the plan, the asset and the occurrence's nominal date, and inserted once:
 * generating again, after a restart or from a second instance at the same time, makes nothing twice.
 */
@Injectable()
export class PreventivePlans {
  constructor(
    @InjectModel(PREVENTIVE_PLAN_MODEL) private readonly plans: Model<PreventivePlanDocument>,
    private readonly open: OpenWorkOrder,
    private readonly calendars: CalendarService,
    private readonly audit: AuditTrail,
    private readonly assets: KnownAssets,
  ) {}

  async create(request: PlanRequest, caller: Caller): Promise<PreventivePlanDocument> {
    const viewer = viewerOf(caller);
    const department = request.department ?? viewer.department;
    if (!department || (!viewer.roles.includes('admin') && department !== viewer.department))
      throw new AccessDeniedError('a supervisor plans preventive work for their own department');
    checkSchedule(request.schedule);
    if (request.footfallPerRound && request.calibrationEveryDays)
      throw new DomainValidationError(
        'calibrationEveryDays',
        request.calibrationEveryDays,
        'a plan goes by footfall or by calibration age, not both',
      );
    const now = caller.now;
    const plan: PreventivePlanDocument = {
      _id: `pm${randomBytes(4).toString('hex')}`,
      name: request.name,
      department,
      assetIds: request.assetIds,
      taskType: request.taskType,
      standardHours: request.standardHours,
      schedule: request.schedule,
      windowHours: request.windowHours ?? 8,
      leadDays: request.leadDays ?? 7,
      ...(request.footfallPerRound && { footfallPerRound: request.footfallPerRound }),
      ...(request.calibrationEveryDays && { calibrationEveryDays: request.calibrationEveryDays }),
      active: true,
      reason: request.reason,
      createdBy: caller.actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.plans.create(plan);
    await this.audit.record({
      actor: caller.principal,
      action: 'preventive.create-plan',
      resource: { type: 'preventive-plan', id: plan._id },
      after: {
        name: plan.name,
        schedule: plan.schedule,
        assets: plan.assetIds.length,
        reason: request.reason,
      },
      origin: caller.origin,
    });
    await this.generate(plan, now);
    return plan;
  }

  list(request: ListRequest): Promise<Page<PreventivePlanDocument>> {
    return findPage<PreventivePlanDocument>(this.plans, request);
  }

  async get(id: string): Promise<PreventivePlanDocument> {
    const plan = await this.plans.findById(id).lean<PreventivePlanDocument>();
    if (!plan) throw new NotFoundError('preventive plan', id);
    return plan;
  }

  /** The plan's next occurrences from today, as they will be generated. */
  async next(id: string, count: number, now = new Date()): Promise<Occurrence[]> {
    const plan = await this.get(id);
    const today = localDateOf(now);
    return (await this.occurrencesOf(plan, today, addDays(today, 400), count)).slice(0, count);
  }

  /** Generates every active plan's occurrences due from today to `leadDays` ahead; returns how many were new. */
  async generateAll(now = new Date()): Promise<number> {
    let made = 0;
    for (const plan of await this.plans.find({ active: true }).lean<PreventivePlanDocument[]>())
      made += await this.generate(plan, now);
    return made;
  }

  async generate(plan: PreventivePlanDocument, now = new Date()): Promise<number> {
    const today = localDateOf(now);
    let made = 0;
    for (const o of await this.occurrencesOf(plan, today, addDays(today, plan.leadDays), 1_000)) {
      const due = new Date(
        Math.max(new Date(o.at).getTime() + plan.windowHours * 3_600_000, now.getTime() + 60_000),
      );
      const created = await this.open.fromPlan(
        o.workOrderId,
        {
          assetId: o.assetId,
          department: plan.department,
          taskType: plan.taskType,
          standardHours: plan.standardHours,
          title: `${plan.name} ${o.date}`.slice(0, 200),
          planId: plan._id,
          plannedAt: due,
        },
        now,
      );
      if (created) made++;
    }
    return made;
  }

  private async occurrencesOf(
    plan: PreventivePlanDocument,
    from: string,
    to: string,
    limit: number,
  ): Promise<Occurrence[]> {
    const calendar = await this.calendars.calendar();
    const working = (date: string) => isWorkingDay(calendar, instantOf(date, '12:00'));
    if (plan.calibrationEveryDays)
      return this.calibrationsDue(plan, plan.calibrationEveryDays, from, to, working);
    const footfall = new Map<string, number | undefined>();
    if (plan.footfallPerRound)
      for (const a of await this.assets.findMany(plan.assetIds)) footfall.set(a._id, a.dailyFootfall);
    return occurrences(plan.schedule, from, to, working, limit).flatMap((o) =>
      plan.assetIds.flatMap((assetId) =>
        Array.from({ length: roundsFor(footfall.get(assetId), plan.footfallPerRound) }, (_, k) => ({
          // The first round keeps the plain id, so a plan made busier later adds rounds, never renames.
          workOrderId: `${plan._id}-${assetId}-${o.nominal.replaceAll('-', '')}${k === 0 ? '' : `-${k + 1}`}`,
          assetId,
          date: o.nominal,
          at: new Date(o.at.getTime() + k * ROUNDS.spacingHours * 3_600_000).toISOString(),
        })),
      ),
    );
  }

  /**
   * A calibration-age plan's occurrences: one per device whose calibration falls due by `to`,
   * counted from its last calibration (asset.state.v1), else from its installation. A device
   * work-orders has not heard of yet is left for a later pass.
   */
  private async calibrationsDue(
    plan: PreventivePlanDocument,
    everyDays: number,
    from: string,
    to: string,
    working: (date: string) => boolean,
  ): Promise<Occurrence[]> {
    const known = new Map((await this.assets.findMany(plan.assetIds)).map((a) => [a._id, a]));
    return plan.assetIds.flatMap((assetId) => {
      const asset = known.get(assetId);
      const since = asset?.lastCalibratedAt ? localDateOf(asset.lastCalibratedAt) : asset?.installedOn;
      const due = since && calibrationOccurrence(plan.schedule, since, everyDays, from, to, working);
      if (!due) return [];
      return [
        {
          workOrderId: `${plan._id}-${assetId}-c${due.nominal.replaceAll('-', '')}`,
          assetId,
          date: due.nominal,
          at: due.at.toISOString(),
        },
      ];
    });
  }
}
