import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@buqi/auth';
import { ApiResult, ValidQuery } from '@buqi/platform';
import { SuggestionQuery } from '../use-cases/directory-requests';
import { SuggestAssignees } from '../use-cases/suggest-assignees.use-case';
import { referenceData, ReferenceDataView, SuggestionView, toSuggestionView } from './directory.views';

/** The suggested assignee of a work order, and the directory's reference data. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class SuggestionsController {
  constructor(private readonly suggest: SuggestAssignees) {}

  @Get('suggestions')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      'Crews and contractors ranked for a work order by zone, spare capacity and on-time record, with the reasons (supervisor, admin)',
  })
  @ApiResult(200, SuggestionView, 'Ranked best first; those without the trade listed as excluded, with why')
  async suggestions(
    @ValidQuery(SuggestionQuery) query: SuggestionQuery,
    @Caller() caller: Caller,
  ): Promise<SuggestionView> {
    return toSuggestionView(await this.suggest.execute(query, caller));
  }

  @Get('reference-data')
  @ApiOperation({ summary: 'The trades and working calendars crews and contractors are described with' })
  @ApiResult(200, ReferenceDataView, 'Trades (with Chinese names) and calendars')
  reference(): ReferenceDataView {
    return referenceData();
  }
}
