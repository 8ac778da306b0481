import { Schema } from 'mongoose';

/** What was due by a working day's end and not done, per department: one report per day. */
export interface DayEndReportDocument {
  _id: string;
  end: Date;
  departments: {
    department: string;
    orders: { id: string; title: string; state: string; resolveBy: Date; assignee?: string }[];
  }[];
  createdAt: Date;
}

export const DAY_END_REPORT_MODEL = 'DayEndReport';

export const dayEndReportSchema = new Schema<DayEndReportDocument>(
  {
    _id: { type: String, required: true },
    end: { type: Date, required: true },
    departments: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'day_end_reports', versionKey: false, strict: 'throw' },
);
