import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { IN_APP_NOTIFICATION_MODEL, type InAppNotificationDocument } from './in-app-notification.schema';

/** The only user of the in-app inbox. Each user reads and marks only their own notifications. */
@Injectable()
export class InAppNotificationRepository {
  constructor(
    @InjectModel(IN_APP_NOTIFICATION_MODEL) private readonly model: Model<InAppNotificationDocument>,
  ) {}

  /** Puts a notification in the inbox; a repeat (a retried job) changes nothing. */
  async deliver({ _id, ...fields }: InAppNotificationDocument): Promise<void> {
    await this.model.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  /** One page of a user's inbox; the request's filters apply within it. */
  page(userId: string, request: ListRequest): Promise<Page<InAppNotificationDocument>> {
    return findPage<InAppNotificationDocument>(this.model, {
      ...request,
      filter: { ...request.filter, userId },
    });
  }

  /** Marks one of the user's notifications read (the first time only); another user's is not found. */
  async markRead(id: string, userId: string, at: Date): Promise<InAppNotificationDocument> {
    await this.model.updateOne({ _id: id, userId, read: false }, { $set: { read: true, readAt: at } });
    const found = await this.model.findOne({ _id: id, userId }).lean<InAppNotificationDocument>();
    if (!found) throw new NotFoundError('notification', id);
    return found;
  }
}
