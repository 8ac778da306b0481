import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import type { ListRequest, Page } from '../http/list-query';

/**
 * One page of `model` for a list request, read lean, with the total count. The filter holds plain
 * values only and goes through Mongoose's sanitizeFilter, so a value such as `{ $gt: '' }` that slips
 * through matches itself, never everything. Wrap operators you add yourself in mongoose.trusted().
 * `R` is the item type, for a projection that narrows the documents.
 */
export async function findPage<T, R = T>(
  model: Model<T>,
  request: ListRequest,
  projection?: ProjectionType<T>,
): Promise<Page<R>> {
  const filter = { ...request.filter } as FilterQuery<T>;
  const [items, total] = await Promise.all([
    model
      .find(filter, projection)
      .sort(request.sort as Record<string, SortOrder>)
      .skip(request.skip)
      .limit(request.limit)
      .lean<R[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  return { items, page: request.page, pageSize: request.pageSize, total };
}
