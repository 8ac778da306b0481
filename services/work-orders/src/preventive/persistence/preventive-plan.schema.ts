import { Schema } from 'mongoose';
import type { Schedule } from '../domain/schedule';

/** A recurring plan: a task on some assets on a schedule, generated `leadDays` ahead as work orders. */
export interface PreventivePlanDocument {
  _id: string;
  name: string;
  department: string;
  assetIds: string[];
  taskType: string;
  standardHours: number;
  schedule: Schedule;
  /** Hours after the occurrence's time by which the work is due. */
  windowHours: number;
  leadDays: number;
  /**
   * By condition: visits a round serves. An asset's rounds a day are its daily footfall ÷ this,
   * rounded up (1 to 8, two hours apart from the schedule's time); one when its footfall is unknown.
   */
  footfallPerRound?: number;
  /**
   * By condition: a device's calibration age. Each device is due this many days after its last
   * calibration (else its installation); the schedule gives the start date, the time of day and
   * whether days off are avoided, and its recurrence is not used.
   */
  calibrationEveryDays?: number;
  active: boolean;
  reason: string;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PREVENTIVE_PLAN_MODEL = 'PreventivePlan';

export const preventivePlanSchema = new Schema<PreventivePlanDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    department: { type: String, required: true },
    assetIds: { type: [String], required: true },
    taskType: { type: String, required: true },
    standardHours: { type: Number, required: true },
    schedule: { type: Schema.Types.Mixed, required: true },
    windowHours: { type: Number, required: true },
    leadDays: { type: Number, required: true },
    footfallPerRound: Number,
    calibrationEveryDays: Number,
    active: { type: Boolean, required: true },
    reason: { type: String, required: true },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'preventive_plans', versionKey: false, strict: 'throw' },
);
