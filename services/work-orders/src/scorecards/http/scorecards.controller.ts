import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, ROLES, Roles } from '@buqi/auth';
import { ApiProblem, ApiResult, Closed, Literals, ValidQuery } from '@buqi/platform';
import { MONTH_PATTERN } from '../../settlement/domain/month';
import { SCORECARD_KINDS } from '../domain/scorecard';
import { MonthlyScorecards } from '../use-cases/monthly-scorecards';

const ScorecardQuery = Closed({
  month: Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM, Asia/Shanghai' }),
  kind: Literals(SCORECARD_KINDS, 'Whose cards: each crew, contractor or department'),
});
type ScorecardQuery = Static<typeof ScorecardQuery>;

const ScorecardView = Type.Object({
  kind: Type.String(),
  id: Type.String({ description: 'The crew, contractor or department' }),
  ordersClosed: Type.Integer({ description: 'Orders verified in the month' }),
  standardHoursEarned: Type.Number({ description: 'Σ the orders’ standard hours, credited on verification' }),
  hoursLogged: Type.Number({ description: 'Σ the hours logged at closure' }),
  onTime: Type.Integer({ description: 'Resolved no later than due' }),
  onTimeRate: Type.Number({ description: 'onTime / ordersClosed' }),
  averageRating: Type.Union([Type.Number(), Type.Null()], {
    description: 'good 1, excellent 2, outstanding 3, perfect 4; null when none rated',
  }),
  ratings: Type.Object({
    good: Type.Integer({ description: '良好' }),
    excellent: Type.Integer({ description: '优秀' }),
    outstanding: Type.Integer({ description: '卓越' }),
    perfect: Type.Integer({ description: '极致' }),
  }),
  reopened: Type.Integer({ description: 'Orders rejected at verification at least once' }),
  reopenRate: Type.Number({ description: 'reopened / ordersClosed' }),
});

const ScorecardsView = Type.Object({
  month: Type.String(),
  kind: Type.String(),
  timeZone: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time', description: 'Not included' }),
  items: Type.Array(ScorecardView),
});
type ScorecardsView = Static<typeof ScorecardsView>;

/** Workload credit (多劳多得): monthly scorecards per crew, contractor and department. */
@ApiTags('scorecards')
@ApiBearerAuth()
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: MonthlyScorecards) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      'A month’s scorecards: supervisors and department heads their department’s, crews their own, contractors their own',
  })
  @ApiResult(200, ScorecardsView, 'One card per crew, contractor or department, by id')
  @ApiProblem(403, 'Not a kind of card you may read')
  async read(
    @ValidQuery(ScorecardQuery) query: ScorecardQuery,
    @Caller() caller: Caller,
  ): Promise<ScorecardsView> {
    const { period, timeZone, items } = await this.scorecards.read(query.month, query.kind, caller);
    return {
      month: period.month,
      kind: query.kind,
      timeZone,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      items: items.map((c) => ({ ...c, ratings: { ...c.ratings } })),
    };
  }
}
