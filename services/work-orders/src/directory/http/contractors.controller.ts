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
  ContractorParams,
  CreateContractorRequest,
  ListContractorsQuery,
  ReviseContractorRequest,
  type IdParams,
} from '../use-cases/directory-requests';
import { CreateContractor, ReadWorkforce, ReviseContractor } from '../use-cases/workforce.use-cases';
import { WORKFORCE_KEEPERS } from './crews.controller';
import { contactPolicy, ContractorView, toContractorView } from './directory.views';

/** Outside contractors (外包单位): trades, zones, capacity, calendar, contact, contract, staff. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory/contractors')
export class ContractorsController {
  constructor(
    private readonly create: CreateContractor,
    private readonly revise: ReviseContractor,
    private readonly read: ReadWorkforce,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...WORKFORCE_KEEPERS)
  @ApiOperation({ summary: 'Add a contractor (supervisor, admin)' })
  @ApiResult(201, ContractorView, 'The contractor, version 1 (also its ETag)')
  @ApiProblem(409, 'A crew or contractor has this id')
  async add(
    @ValidBody(CreateContractorRequest) body: CreateContractorRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ContractorView> {
    const contractor = await this.create.execute(body, caller);
    response.setHeader('Location', `/directory/contractors/${contractor.id}`);
    setEtag(response, contractor.version);
    return toContractorView(contractor, contactPolicy(caller.principal));
  }

  @Get()
  @ApiOperation({ summary: 'Contractors, a page at a time, by trade, zone or status' })
  @ApiResult(200, pageOf(ContractorView), 'One page of contractors (contacts masked unless you may see them)')
  async list(
    @ValidQuery(ListContractorsQuery) query: ListContractorsQuery,
    @Caller() caller: Caller,
  ): Promise<Page<ContractorView>> {
    const page = await this.read.listContractors(query);
    const policy = contactPolicy(caller.principal);
    return { ...page, items: page.items.map((c) => toContractorView(c, policy)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contractor with its staff' })
  @ApiResult(200, ContractorView, 'The contractor; its ETag is its version')
  @ApiProblem(404, 'No such contractor')
  async get(
    @ValidParams(ContractorParams) params: IdParams,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ContractorView> {
    const contractor = await this.read.contractor(params.id);
    setEtag(response, contractor.version);
    return toContractorView(contractor, contactPolicy(caller.principal));
  }

  @Put(':id')
  @Roles(...WORKFORCE_KEEPERS)
  @ApiOperation({
    summary: "Replace a contractor's fields (supervisor, admin; If-Match: the version you read)",
  })
  @ApiResult(200, ContractorView, 'The contractor as changed')
  @ApiProblem(404, 'No such contractor')
  @ApiProblem(409, 'The contractor changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  async replace(
    @ValidParams(ContractorParams) params: IdParams,
    @ValidBody(ReviseContractorRequest) body: ReviseContractorRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ContractorView> {
    const contractor = await this.revise.execute(params.id, version, body, caller);
    setEtag(response, contractor.version);
    return toContractorView(contractor, contactPolicy(caller.principal));
  }
}
