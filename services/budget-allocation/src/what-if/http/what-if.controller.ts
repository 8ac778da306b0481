import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { Caller, RateLimit, Roles } from '@buqi/auth';
import { ASSET_CLASSES } from '@buqi/domain-risk';
import { ApiProblem, ApiResult, ValidBody } from '@buqi/platform';
import { DEFAULT_DETERIORATION, RESTORED_CONDITION } from '../domain/deterioration';
import { ProjectWhatIf, type WhatIfAnswer } from '../use-cases/project-what-if.use-case';
import { WhatIfRequest } from '../use-cases/what-if.request';
import { CurvesView, WhatIfView } from './what-if.view';

/** Who plans spending: supervisors read budgets but do not weigh budget levels. */
const PLANNERS = ['finance', 'asset-manager', 'department-head', 'admin'] as const;

/** Multi-year what-if: how condition and backlog risk evolve at budget levels the caller chooses. */
@ApiTags('what-if')
@ApiBearerAuth()
@Controller('what-if')
export class WhatIfController {
  constructor(private readonly whatIf: ProjectWhatIf) {}

  @Post()
  @HttpCode(200)
  @Roles(...PLANNERS)
  // Up to 200 solves on the optimiser's threads: a heavy request, so a bounded one per person.
  @RateLimit({ name: 'what-if', limit: 12, windowSeconds: 60, by: 'principal' })
  @ApiOperation({
    summary: 'Project, for each budget level (fen a year), the backlog over N years (default 5)',
    description:
      'Starts from the open candidates no rule has funded. Each year each level is split between the ' +
      'maintenance and capital envelopes and the optimiser (heuristic, on worker threads) chooses what ' +
      'to fund; funded items are restored and leave the backlog; the rest lose condition on their ' +
      'class’s curve (GET /what-if/curves) and their risk is re-assessed. Answers a table per level ' +
      'and year, lines per level for a chart, and what each step up between levels buys.',
  })
  @ApiResult(200, WhatIfView, 'The projection')
  @ApiProblem(422, 'A value the projection cannot use, named')
  @ApiProblem(429, 'Too many what-ifs in a minute (Retry-After)')
  project(@ValidBody(WhatIfRequest) body: WhatIfRequest, @Caller() caller: Caller): Promise<WhatIfAnswer> {
    return this.whatIf.execute(body, caller);
  }

  @Get('curves')
  @Roles(...PLANNERS)
  @ApiOperation({ summary: 'The deterioration curves by asset class, and what funded remedies restore' })
  @ApiResult(200, CurvesView, 'The curves the what-if uses')
  curves(): Static<typeof CurvesView> {
    return {
      curves: ASSET_CLASSES.map((a) => {
        const c = DEFAULT_DETERIORATION[a];
        return { assetClass: c.assetClass, points: c.points.map(([x, y]) => [x, y]), source: c.source };
      }),
      restoredCondition: { ...RESTORED_CONDITION },
    };
  }
}
