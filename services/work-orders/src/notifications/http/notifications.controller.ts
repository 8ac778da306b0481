import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  Closed,
  listQuerySchema,
  pageOf,
  toListRequest,
  ValidParams,
  ValidQuery,
  type ListSpec,
  type Page,
} from '@buqi/platform';
import { InAppNotificationRepository } from '../persistence/in-app-notification.repository';
import { NotificationView, toNotificationView } from './notification.view';

/** Every signed-in person has an inbox. */
const EVERYONE = [
  'crew-member',
  'contractor',
  'supervisor',
  'department-head',
  'asset-manager',
  'finance',
  'admin',
  'leadership',
] as const;

const LIST = {
  sortable: ['createdAt'],
  defaultSort: '-createdAt',
  filters: { read: Type.Boolean({ description: 'false: unread only; true: read only' }) },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);
type ListQuery = Static<typeof ListQuery>;

const NotificationParams = Closed({ id: Type.String({ pattern: '^in-app-[a-f0-9]{32}$' }) });
type NotificationParams = Static<typeof NotificationParams>;

/** The in-app inbox: each person sees and marks only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InAppNotificationRepository) {}

  @Get('mine')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Your notifications, newest first (unread only with read=false)' })
  @ApiResult(200, pageOf(NotificationView), 'One page of your notifications')
  async mine(
    @ValidQuery(ListQuery) query: ListQuery,
    @Caller() caller: Caller,
  ): Promise<Page<NotificationView>> {
    const page = await this.inbox.page(caller.principal.id, toListRequest(query, LIST));
    return { ...page, items: page.items.map(toNotificationView) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Mark one of your notifications read (again: no change)' })
  @ApiResult(200, NotificationView, 'The notification, read')
  @ApiProblem(404, 'No such notification in your inbox')
  async read(
    @ValidParams(NotificationParams) params: NotificationParams,
    @Caller() caller: Caller,
  ): Promise<NotificationView> {
    return toNotificationView(await this.inbox.markRead(params.id, caller.principal.id, caller.now));
  }
}
