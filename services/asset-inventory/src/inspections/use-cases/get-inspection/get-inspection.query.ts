import { Injectable } from '@nestjs/common';
import { InspectionRepository, type StoredInspection } from '../../persistence/inspection.repository';

@Injectable()
export class GetInspection {
  constructor(private readonly inspections: InspectionRepository) {}

  execute(code: string, id: string): Promise<StoredInspection> {
    return this.inspections.get(code, id);
  }
}
