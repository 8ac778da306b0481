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
  CreatePersonRequest,
  ListPeopleQuery,
  PersonParams,
  RevisePersonRequest,
  type IdParams,
} from '../use-cases/directory-requests';
import { CreatePerson, GetPerson, ListPeople, RevisePerson } from '../use-cases/people.use-cases';
import { contactPolicy, PersonView, toPersonView } from './directory.views';

/**
 * People, by their account's id: admins keep them; everyone signed in reads names, roles and
 * memberships; phones and e-mails are shown in full to supervisors, department heads, admins and
 * the person themselves, masked to everyone else.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory/people')
export class PeopleController {
  constructor(
    private readonly create: CreatePerson,
    private readonly revise: RevisePerson,
    private readonly listPeople: ListPeople,
    private readonly getPerson: GetPerson,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a person under their account id (admin)' })
  @ApiResult(201, PersonView, 'The person, version 1 (also its ETag)')
  @ApiProblem(409, 'A person with this id exists')
  @ApiProblem(422, 'An unknown or inactive department, crew or contractor; a crew member without a crew …')
  async add(
    @ValidBody(CreatePersonRequest) body: CreatePersonRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PersonView> {
    const person = await this.create.execute(body, caller);
    response.setHeader('Location', `/directory/people/${person.id}`);
    setEtag(response, person.version);
    return toPersonView(person, contactPolicy(caller.principal));
  }

  @Get()
  @ApiOperation({ summary: 'People, a page at a time, by department, role, crew, contractor or status' })
  @ApiResult(200, pageOf(PersonView), 'One page of people (contact details masked unless you may see them)')
  async list(
    @ValidQuery(ListPeopleQuery) query: ListPeopleQuery,
    @Caller() caller: Caller,
  ): Promise<Page<PersonView>> {
    const page = await this.listPeople.execute(query);
    const policy = contactPolicy(caller.principal);
    return { ...page, items: page.items.map((p) => toPersonView(p, policy)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person' })
  @ApiResult(200, PersonView, 'The person; its ETag is its version')
  @ApiProblem(404, 'No such person')
  async get(
    @ValidParams(PersonParams) params: IdParams,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PersonView> {
    const person = await this.getPerson.execute(params.id);
    setEtag(response, person.version);
    return toPersonView(person, contactPolicy(caller.principal));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({
    summary: "Replace a person's fields (admin; If-Match: the version you read); a field left out is cleared",
  })
  @ApiResult(200, PersonView, 'The person as changed')
  @ApiProblem(404, 'No such person')
  @ApiProblem(409, 'The person changed since you read it')
  @ApiProblem(422, 'An unknown or inactive department, crew or contractor; a crew member without a crew …')
  @ApiProblem(428, 'If-Match is missing')
  async replace(
    @ValidParams(PersonParams) params: IdParams,
    @ValidBody(RevisePersonRequest) body: RevisePersonRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PersonView> {
    const person = await this.revise.execute(params.id, version, body, caller);
    setEtag(response, person.version);
    return toPersonView(person, contactPolicy(caller.principal));
  }
}
