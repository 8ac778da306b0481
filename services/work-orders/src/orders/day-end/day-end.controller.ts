import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import { NotFoundError } from '@buqi/domain-kernel';
import { ApiProblem, ApiResult, Closed, ValidParams } from '@buqi/platform';
import { viewerOf } from '../use-cases/work-order-commands';
import { DayEndSweep } from './day-end-sweep';

const Params = Closed({ date: Type.String({ format: 'date', description: 'A working day, Beijing time' }) });
type Params = Static<typeof Params>;
const When = Type.String({ format: 'date-time' });
const ReportView = Type.Object({
  date: Type.String({ format: 'date' }),
  end: When,
  departments: Type.Array(
    Type.Object({
      department: Type.String(),
      orders: Type.Array(
        Type.Object({
          id: Type.String(),
          title: Type.String(),
          state: Type.String(),
          resolveBy: When,
          assignee: Type.Optional(Type.String()),
        }),
      ),
    }),
  ),
});
type ReportView = Static<typeof ReportView>;

const EVERYTHING = ['admin', 'leadership'];

/** The end-of-working-day report: what was due and is not done (事不过夜). */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('reports/day-end')
export class DayEndController {
  constructor(private readonly sweep: DayEndSweep) {}

  @Get(':date')
  @Roles('supervisor', 'department-head', 'leadership', 'admin')
  @ApiOperation({
    summary: 'A working day’s report: due by its end and not done, your department’s (all for leadership)',
  })
  @ApiResult(200, ReportView, 'The report')
  @ApiProblem(404, 'Not a swept working day (a day off, not ended yet, or before the service ran)')
  async get(@ValidParams(Params) params: Params, @Caller() caller: Caller): Promise<ReportView> {
    const report = await this.sweep.report(params.date);
    if (!report) throw new NotFoundError('day-end report', params.date);
    const viewer = viewerOf(caller);
    const all = viewer.roles.some((r) => EVERYTHING.includes(r));
    return {
      date: report._id,
      end: new Date(report.end).toISOString(),
      departments: report.departments
        .filter((d) => all || d.department === viewer.department)
        .map((d) => ({
          department: d.department,
          orders: d.orders.map((o) => ({ ...o, resolveBy: new Date(o.resolveBy).toISOString() })),
        })),
    };
  }
}
