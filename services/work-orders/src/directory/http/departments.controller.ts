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
  CreateDepartment,
  GetDepartment,
  ListDepartments,
  ReviseDepartment,
} from '../use-cases/departments.use-cases';
import {
  CreateDepartmentRequest,
  DepartmentParams,
  ListDepartmentsQuery,
  ReviseDepartmentRequest,
  type IdParams,
} from '../use-cases/directory-requests';
import { DepartmentView, toDepartmentView } from './directory.views';

/** Departments: admins keep them (they hold accounts and roles); everyone signed in reads them. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory/departments')
export class DepartmentsController {
  constructor(
    private readonly create: CreateDepartment,
    private readonly revise: ReviseDepartment,
    private readonly listDepartments: ListDepartments,
    private readonly getDepartment: GetDepartment,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department (admin)' })
  @ApiResult(201, DepartmentView, 'The department, version 1 (also its ETag)')
  @ApiProblem(409, 'A department with this id exists')
  async add(
    @ValidBody(CreateDepartmentRequest) body: CreateDepartmentRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<DepartmentView> {
    const department = await this.create.execute(body, caller);
    response.setHeader('Location', `/directory/departments/${department.id}`);
    setEtag(response, department.version);
    return toDepartmentView(department);
  }

  @Get()
  @ApiOperation({ summary: 'Departments, a page at a time, by name' })
  @ApiResult(200, pageOf(DepartmentView), 'One page of departments')
  async list(@ValidQuery(ListDepartmentsQuery) query: ListDepartmentsQuery): Promise<Page<DepartmentView>> {
    const page = await this.listDepartments.execute(query);
    return { ...page, items: page.items.map(toDepartmentView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One department' })
  @ApiResult(200, DepartmentView, 'The department; its ETag is its version')
  @ApiProblem(404, 'No such department')
  async get(
    @ValidParams(DepartmentParams) params: IdParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<DepartmentView> {
    const department = await this.getDepartment.execute(params.id);
    setEtag(response, department.version);
    return toDepartmentView(department);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a department's fields (admin; If-Match: the version you read)" })
  @ApiResult(200, DepartmentView, 'The department as changed')
  @ApiProblem(404, 'No such department')
  @ApiProblem(409, 'The department changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  async replace(
    @ValidParams(DepartmentParams) params: IdParams,
    @ValidBody(ReviseDepartmentRequest) body: ReviseDepartmentRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<DepartmentView> {
    const department = await this.revise.execute(params.id, version, body, caller);
    setEtag(response, department.version);
    return toDepartmentView(department);
  }
}
