import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { columnOfField } from '../domain/field-columns';
import type { HeaderMap } from '../domain/header-map';
import type { RowDraft, RowProblem } from '../domain/import-file';
import { readSheet } from '../domain/row-reading';
import type { ImportFile } from '../reading/import-upload';
import { ImportRow } from './import-row';
import type { ImportReport, RowError, RowOutcome } from './import-report';
import { schemaIssues } from './request-schemas';

interface ReadyRow {
  readonly draft: RowDraft;
  readonly map: HeaderMap;
}

/**
 * Imports a spreadsheet of assets: every row through the API's checks and use cases, the valid
 * ones written (or, in a dry run, only judged), the invalid ones reported with their row, column
 * and reason. Repeating an import changes nothing, so an import cut short is finished by running
 * it again. A file that cannot be read at all (its columns, its size) is refused before any write.
 */
@Injectable()
export class ImportAssets {
  constructor(
    private readonly rows: ImportRow,
    private readonly audit: AuditTrail,
  ) {}

  async execute(file: ImportFile, options: { dryRun: boolean }, caller: Caller): Promise<ImportReport> {
    const readings = file.sheets.map(readSheet);
    const problems: RowProblem[] = readings.flatMap((r) => r.problems);
    const ready: ReadyRow[] = [];
    const firstOf = new Map<string, RowDraft>();
    for (const { drafts, map } of readings)
      for (const draft of drafts) {
        const first = firstOf.get(draft.code);
        if (first) {
          problems.push(problem(draft, map, { field: 'code', reason: `is also on ${where(first)}` }));
          continue;
        }
        firstOf.set(draft.code, draft);
        const issues = schemaIssues(draft.assetClass, draft.body);
        if (issues.length) problems.push(...issues.map((issue) => problem(draft, map, issue)));
        else ready.push({ draft, map });
      }

    // Devices last: the restrooms they watch may be in the same file.
    ready.sort((a, b) => rank(a.draft) - rank(b.draft));
    const results: RowOutcome[] = [];
    const creating = new Set<string>();
    const stored = await this.rows.stored(ready.map((r) => r.draft));
    for (const { draft, map } of ready) {
      try {
        const row = { dryRun: options.dryRun, creating };
        const result = await this.rows.execute(draft, stored.get(draft.code), row, caller);
        if (result.action === 'create' && draft.assetClass !== 'monitoring-device') creating.add(draft.code);
        results.push({ ...at(draft), code: draft.code, ...result });
      } catch (err) {
        const refused = refusal(err);
        if (!refused) throw err;
        problems.push(problem(draft, map, refused));
      }
    }

    const report = this.report(
      file,
      options.dryRun,
      results,
      problems,
      readings.flatMap((r) => r.map.ignored),
    );
    if (!options.dryRun)
      await this.audit.record({
        actor: caller.principal,
        action: 'asset.import',
        resource: { type: 'asset-import', id: file.digest },
        after: {
          format: file.format,
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          invalid: report.invalid,
        },
        origin: caller.origin,
      });
    return report;
  }

  private report(
    file: ImportFile,
    dryRun: boolean,
    results: RowOutcome[],
    problems: RowProblem[],
    ignored: string[],
  ): ImportReport {
    const sheetOrder = new Map(file.sheets.map((s, i) => [s.name, i]));
    const order = (a: { sheet?: string; line: number }, b: { sheet?: string; line: number }) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.line - b.line;
    const count = (action: RowOutcome['action']) => results.filter((r) => r.action === action).length;
    return {
      dryRun,
      format: file.format,
      ...(file.encoding && { encoding: file.encoding }),
      rows: file.rows,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      invalid: new Set(problems.map((p) => `${p.sheet ?? ''}\u0000${p.line}`)).size,
      ignoredColumns: [...new Set(ignored)],
      results: results.sort(order),
      errors: problems.map(toRowError).sort(order),
    };
  }
}

const rank = (draft: RowDraft) => (draft.assetClass === 'monitoring-device' ? 1 : 0);
const at = (draft: RowDraft) => ({
  ...(draft.sheet !== undefined && { sheet: draft.sheet }),
  line: draft.line,
});
const where = (draft: RowDraft) =>
  `${draft.sheet === undefined ? '' : `sheet ${draft.sheet}, `}line ${draft.line}`;

/** What the API would have answered with a 422 or 409 for this row; anything else is not the row's fault. */
function refusal(err: unknown): { field: string; value?: unknown; reason: string } | undefined {
  if (err instanceof DomainValidationError) return { field: err.field, value: err.value, reason: err.reason };
  if (err instanceof ConflictError) return { field: 'code', reason: err.message };
  return undefined;
}

function problem(
  draft: RowDraft,
  map: HeaderMap,
  issue: { field: string; value?: unknown; reason: string },
): RowProblem {
  const column = columnOfField(issue.field, draft.body, map);
  return {
    ...at(draft),
    code: draft.code,
    ...(column !== undefined && { column }),
    field: issue.field,
    ...(issue.value !== undefined && { value: issue.value }),
    reason: issue.reason,
  };
}

function toRowError(p: RowProblem): RowError {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as RowError;
}
