import { Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { ConsoleResponse as Response } from './http-types';
import { ROLES, type Role } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  Closed,
  IfMatch,
  listQuerySchema,
  Literals,
  pageOf,
  setEtag,
  toListRequest,
  ValidBody,
  ValidParams,
  ValidQuery,
  type ListSpec,
  type Page,
} from '@buqi/platform';
import { Accounts } from '../accounts/accounts';
import type { AccountDocument } from '../accounts/account.schema';
import { PASSWORD_RULES } from '../accounts/password';
import { meOf } from './auth.controller';
import { ConsoleRoles, CurrentUser, type ConsoleUser } from './console-user';

const Username = Type.String({
  pattern: '^[a-z][a-z0-9._-]{2,39}$',
  description: 'Sign-in name, lower case',
});
const Unit = Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' });
const Password = Type.String({ minLength: PASSWORD_RULES.minLength, maxLength: PASSWORD_RULES.maxLength });
const Fields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  roles: Type.Array(Literals(ROLES), { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
  department: Type.Optional(Unit),
  crew: Type.Optional(Unit),
  contractor: Type.Optional(Unit),
};
const NewAccount = Closed(
  { id: Username, ...Fields, password: Password },
  'A new account and its first password',
);
type NewAccount = Static<typeof NewAccount>;
const AccountChange = Closed(
  {
    name: Type.Optional(Fields.name),
    roles: Type.Optional(Fields.roles),
    department: Fields.department,
    crew: Fields.crew,
    contractor: Fields.contractor,
    active: Type.Optional(Type.Boolean({ description: 'false ends the account’s sessions and its sign-in' })),
  },
  'What changes; fields left out stay',
);
type AccountChange = Static<typeof AccountChange>;
const NewPassword = Closed({ password: Password }, 'A new password; every session of the account ends');
type NewPassword = Static<typeof NewPassword>;
const Params = Closed({ id: Username });
type Params = Static<typeof Params>;

const AccountView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  department: Type.Optional(Type.String()),
  crew: Type.Optional(Type.String()),
  contractor: Type.Optional(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer({ description: 'Also the ETag; send it back in If-Match to change the account' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
type AccountView = Static<typeof AccountView>;

const view = (a: AccountDocument): AccountView => ({
  ...meOf(a),
  active: a.active,
  version: a.version,
  createdAt: new Date(a.createdAt).toISOString(),
  createdBy: a.createdBy,
  updatedAt: new Date(a.updatedAt).toISOString(),
  updatedBy: a.updatedBy,
});

const LIST = {
  sortable: ['name', 'createdAt'],
  defaultSort: 'name',
  filters: { role: Literals(ROLES), active: Type.Boolean() },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);

/** Accounts, for admins only: who may sign in, with which roles, where they belong. */
@ApiTags('accounts')
@ConsoleRoles('admin')
@Controller('admin/accounts')
export class AccountsController {
  constructor(private readonly accounts: Accounts) {}

  @Get()
  @ApiOperation({ summary: 'Accounts, a page at a time (filters: role, active)' })
  @ApiResult(200, pageOf(AccountView), 'A page of accounts')
  async list(@ValidQuery(ListQuery) query: Static<typeof ListQuery>): Promise<Page<AccountView>> {
    const request = toListRequest(query, LIST);
    const { role, ...filter } = request.filter as { role?: Role };
    const page = await this.accounts.list({
      ...request,
      filter: { ...filter, ...(role && { roles: role }) },
    });
    return { ...page, items: page.items.map(view) };
  }

  @Post()
  @ApiOperation({ summary: 'Create an account with its first password' })
  @ApiResult(201, AccountView, 'Created')
  @ApiProblem(409, 'An account with this id exists')
  @ApiProblem(422, 'A role without the department, crew or contractor it needs')
  async create(
    @ValidBody(NewAccount) body: NewAccount,
    @CurrentUser() user: ConsoleUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const created = await this.accounts.create(body, user.account._id);
    setEtag(response, created.version);
    return view(created);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiResult(200, AccountView, 'The account')
  @ApiProblem(404, 'No such account')
  async get(
    @ValidParams(Params) params: Params,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const account = await this.accounts.get(params.id);
    setEtag(response, account.version);
    return view(account);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change roles, belonging, name or whether it may sign in (If-Match required)' })
  @ApiResult(200, AccountView, 'Changed')
  @ApiProblem(409, 'Changed meanwhile (stale If-Match), or an admin removing their own admin rights')
  async change(
    @ValidParams(Params) params: Params,
    @ValidBody(AccountChange) body: AccountChange,
    @IfMatch({ required: true }) version: number,
    @CurrentUser() user: ConsoleUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountView> {
    const changed = await this.accounts.change(params.id, version, body, user.account._id);
    setEtag(response, changed.version);
    return view(changed);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password; the account’s sessions end' })
  @ApiProblem(404, 'No such account')
  async setPassword(
    @ValidParams(Params) params: Params,
    @ValidBody(NewPassword) body: NewPassword,
    @CurrentUser() user: ConsoleUser,
  ): Promise<void> {
    await this.accounts.setPassword(params.id, body.password, user.account._id);
  }
}
