import { Controller, Get, Put, Res, UseFilters } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, ROLES, Roles } from '@buqi/auth';
import { ApiProblem, ApiResult, IfMatch, setEtag, ValidBody, ValidParams } from '@buqi/platform';
import { CalendarService } from '../calendar.service';
import { CalendarYearRepository } from '../persistence/calendar-year.repository';
import { CalendarYearParams, EnterCalendarYearRequest } from '../use-cases/calendar-requests';
import { EnterCalendarYear } from '../use-cases/enter-calendar-year.use-case';
import { CalendarYearRefusedFilter } from './calendar-year-refused.filter';
import {
  CalendarYearsView,
  CalendarYearView,
  toCalendarYearView,
  type CalendarYearsView as YearsView,
} from './calendar-year.view';

/**
 * Working calendars as data: each year's holidays and make-up working days, entered by an
 * administrator when the State Council publishes them (each autumn). Due times reaching a year not
 * entered are counted on weekdays alone and marked provisional until it is.
 */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('calendars')
@UseFilters(CalendarYearRefusedFilter)
export class CalendarsController {
  constructor(
    private readonly years: CalendarYearRepository,
    private readonly calendars: CalendarService,
    private readonly enterYear: EnterCalendarYear,
  ) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The years entered, with their holidays and make-up days, earliest first' })
  @ApiResult(200, CalendarYearsView, 'The years entered')
  async list(): Promise<YearsView> {
    await this.calendars.ensureSeeded();
    const items = (await this.years.list()).map(toCalendarYearView);
    return { items, years: items.map((y) => y.year) };
  }

  @Get(':year')
  @Roles(...ROLES)
  @ApiOperation({ summary: "A year's holidays and make-up days, who entered them, when and why" })
  @ApiResult(200, CalendarYearView, 'The year (its version is the ETag)')
  @ApiProblem(404, 'The year has not been entered: its dates are counted on weekdays alone')
  async get(
    @ValidParams(CalendarYearParams) params: CalendarYearParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CalendarYearView> {
    await this.calendars.ensureSeeded();
    const year = await this.years.get(params.year);
    setEtag(response, year.version);
    return toCalendarYearView(year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Enter a year's holidays and make-up days, or correct them (admin; If-Match optional): due times provisional on the year are then recomputed",
  })
  @ApiResult(201, CalendarYearView, 'Entered: the year had not been entered before')
  @ApiResult(200, CalendarYearView, 'Replaced the schedule entered before')
  @ApiProblem(404, 'If-Match was sent for a year not entered')
  @ApiProblem(409, 'If-Match names a version other than the current one')
  @ApiProblem(
    422,
    'Every date not in the year, listed twice, a make-up day on a weekday or also a holiday, or more than 60 entries, each named',
  )
  async put(
    @ValidParams(CalendarYearParams) params: CalendarYearParams,
    @ValidBody(EnterCalendarYearRequest) body: EnterCalendarYearRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CalendarYearView> {
    const { year, created } = await this.enterYear.execute(params.year, body, version, caller);
    response.statusCode = created ? 201 : 200;
    if (created) response.setHeader('Location', `/calendars/${year.year}`);
    setEtag(response, year.version);
    return toCalendarYearView(year);
  }
}
