import { Type, type Static } from '@sinclair/typebox';

const Where = {
  sheet: Type.Optional(Type.String({ description: 'The sheet (an .xlsx file); absent for a CSV file' })),
  line: Type.Integer({ description: 'The row number as the file shows it: the header is row 1' }),
  code: Type.Optional(Type.String()),
};

export const RowOutcome = Type.Object({
  ...Where,
  code: Type.String(),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('unchanged')], {
    description: 'What the import did to the asset (a dry run: what it would do)',
  }),
  apiKey: Type.Optional(
    Type.String({ description: 'A device created by this import: its API key, shown this once' }),
  ),
});
export type RowOutcome = Static<typeof RowOutcome>;

export const RowError = Type.Object({
  ...Where,
  column: Type.Optional(Type.String({ description: 'The column, as the file’s header names it' })),
  field: Type.Optional(Type.String({ description: 'The API field the check refused, e.g. road.lengthM' })),
  value: Type.Optional(Type.Unknown()),
  reason: Type.String(),
});
export type RowError = Static<typeof RowError>;

export const ImportReport = Type.Object({
  dryRun: Type.Boolean({ description: 'True: nothing was written, the actions say what an import would do' }),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  encoding: Type.Optional(
    Type.String({ description: 'A CSV file’s text encoding: utf-8, utf-8-bom or gbk' }),
  ),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  invalid: Type.Integer({ description: 'Rows refused; each is in errors (a row may have several)' }),
  ignoredColumns: Type.Array(Type.String(), { description: 'Headers that name no column: not read' }),
  results: Type.Array(RowOutcome),
  errors: Type.Array(RowError),
});
export type ImportReport = Static<typeof ImportReport>;
