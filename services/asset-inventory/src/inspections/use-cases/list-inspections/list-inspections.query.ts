import { Injectable } from '@nestjs/common';
import { toListRequest, type Page } from '@buqi/platform';
import { AssetRepository } from '../../../assets/persistence/asset.repository';
import { InspectionRepository, type StoredInspection } from '../../persistence/inspection.repository';
import { LIST_INSPECTIONS, type ListInspectionsQuery } from './list-inspections.request';

/** An asset's inspections a page at a time, newest first by default, each with its factors. */
@Injectable()
export class ListInspections {
  constructor(
    private readonly assets: AssetRepository,
    private readonly inspections: InspectionRepository,
  ) {}

  async execute(code: string, query: ListInspectionsQuery): Promise<Page<StoredInspection>> {
    await this.assets.get(code); // an unknown asset is a 404, not an empty page
    return this.inspections.page(code, toListRequest(query, LIST_INSPECTIONS));
  }
}
