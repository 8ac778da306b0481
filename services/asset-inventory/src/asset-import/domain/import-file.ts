import type { AssetClass } from '../../assets/domain/asset';
import type { CsvRecord } from './csv';

/** A sheet of the file (a CSV file is one sheet without a name): its header and its rows. */
export interface Sheet {
  readonly name?: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRecord[];
}

/** A bad row: where (sheet, row number as the file shows it, column as its header says) and why. */
export interface RowProblem {
  readonly sheet?: string;
  readonly line: number;
  readonly code?: string;
  readonly column?: string;
  /** The API's field, when the problem came from the API's checks. */
  readonly field?: string;
  readonly value?: unknown;
  readonly reason: string;
}

/** A row read into the request the API would receive for it. */
export interface RowDraft {
  readonly sheet?: string;
  readonly line: number;
  readonly code: string;
  readonly assetClass: AssetClass;
  /** `{ code, ...fields }`, as the class's register request has it. */
  readonly body: Readonly<Record<string, unknown>>;
}

export type FileProblemCode =
  | 'file-too-large'
  | 'unsupported-media-type'
  | 'unsupported-charset'
  | 'unreadable-file'
  | 'missing-columns'
  | 'duplicate-columns'
  | 'too-many-rows'
  | 'no-rows';

/** A file that cannot be imported at all: nothing is read from it and nothing written. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** The largest upload, and the most rows one import takes (checked before any row is written). */
export const IMPORT_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  maxRows: 2_000,
  maxXlsxUnpackedBytes: 8 * 1024 * 1024,
};
