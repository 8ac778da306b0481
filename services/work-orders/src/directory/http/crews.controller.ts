import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  IfMatch,
  pageOf,
  setEtag,
  ValidBody,
  ValidParams,
  ValidQuery,
  type Page,
} from '@buqi/platform';
import {
  CreateCrewRequest,
  CrewParams,
  ListCrewsQuery,
  ReviseCrewRequest,
  type IdParams,
} from '../use-cases/directory-requests';
import { CreateCrew, ReadWorkforce, ReviseCrew } from '../use-cases/workforce.use-cases';
import { CrewView, toCrewView } from './directory.views';

/** Who keeps crews and contractors: supervisors, who dispatch them, and admins. */
export const WORKFORCE_KEEPERS = ['supervisor', 'admin'] as const;

/** The bureau's own crews (班组): trades, zones, capacity, calendar, members. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory/crews')
export class CrewsController {
  constructor(
    private readonly create: CreateCrew,
    private readonly revise: ReviseCrew,
    private readonly read: ReadWorkforce,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...WORKFORCE_KEEPERS)
  @ApiOperation({ summary: 'Add a crew of a department (supervisor, admin)' })
  @ApiResult(201, CrewView, 'The crew, version 1 (also its ETag)')
  @ApiProblem(409, 'A crew or contractor has this id')
  @ApiProblem(422, 'An unknown or inactive department')
  async add(
    @ValidBody(CreateCrewRequest) body: CreateCrewRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CrewView> {
    const crew = await this.create.execute(body, caller);
    response.setHeader('Location', `/directory/crews/${crew.id}`);
    setEtag(response, crew.version);
    return toCrewView(crew);
  }

  @Get()
  @ApiOperation({ summary: 'Crews, a page at a time, by department, trade, zone or status' })
  @ApiResult(200, pageOf(CrewView), 'One page of crews with their members')
  async list(@ValidQuery(ListCrewsQuery) query: ListCrewsQuery): Promise<Page<CrewView>> {
    const page = await this.read.listCrews(query);
    return { ...page, items: page.items.map(toCrewView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One crew with its members' })
  @ApiResult(200, CrewView, 'The crew; its ETag is its version')
  @ApiProblem(404, 'No such crew')
  async get(
    @ValidParams(CrewParams) params: IdParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CrewView> {
    const crew = await this.read.crew(params.id);
    setEtag(response, crew.version);
    return toCrewView(crew);
  }

  @Put(':id')
  @Roles(...WORKFORCE_KEEPERS)
  @ApiOperation({ summary: "Replace a crew's fields (supervisor, admin; If-Match: the version you read)" })
  @ApiResult(200, CrewView, 'The crew as changed')
  @ApiProblem(404, 'No such crew')
  @ApiProblem(409, 'The crew changed since you read it')
  @ApiProblem(422, 'An unknown or inactive department')
  @ApiProblem(428, 'If-Match is missing')
  async replace(
    @ValidParams(CrewParams) params: IdParams,
    @ValidBody(ReviseCrewRequest) body: ReviseCrewRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CrewView> {
    const crew = await this.revise.execute(params.id, version, body, caller);
    setEtag(response, crew.version);
    return toCrewView(crew);
  }
}
