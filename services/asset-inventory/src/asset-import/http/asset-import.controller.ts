import { Controller, Get, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import { ApiFile, ApiProblem, ApiResult, ValidQuery } from '@buqi/platform';
import { IMPORT_LIMITS } from '../domain/import-file';
import { readImportFile, XLSX_TYPE } from '../reading/import-upload';
import { ExportAssets, ExportAssetsQuery } from '../use-cases/export-assets.query';
import { ImportAssets } from '../use-cases/import-assets.use-case';
import { ImportReport } from '../use-cases/import-report';
import { fileProblem, readUpload } from './upload-body';

const ImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({ default: false, description: 'true: judge every row, write nothing' }),
  },
  { additionalProperties: false },
);

/**
 * The inventory as a spreadsheet: import of CSV (UTF-8, UTF-8 with BOM or GBK) and .xlsx, every row
 * through the same use cases as the API; export as CSV with the same columns.
 */
@ApiTags('assets')
@ApiBearerAuth()
@Controller()
export class AssetImportController {
  private readonly logger = new Logger(AssetImportController.name);

  constructor(
    private readonly importAssets: ImportAssets,
    private readonly exportAssets: ExportAssets,
  ) {}

  @Post('assets/import')
  @HttpCode(200)
  @Roles('asset-manager', 'admin')
  @ApiOperation({
    summary: 'Import assets from a CSV or .xlsx file sent as the request body',
    description:
      `Content-Type text/csv (charset optional: UTF-8, UTF-8 with BOM or GBK are recognised) or ${XLSX_TYPE} ` +
      '(one sheet per class, or a class column). Headers in Chinese or English, one row per asset. ' +
      'Each row is registered, revised or left unchanged through the same checks as the API; bad rows ' +
      'are reported with their row, column and reason and the rest imported. Importing the same file ' +
      `again changes nothing. At most ${IMPORT_LIMITS.maxBytes} bytes and ${IMPORT_LIMITS.maxRows} rows.`,
  })
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiResult(200, ImportReport, 'What was (or, dry, would be) created, updated, left unchanged or refused')
  @ApiProblem(400, 'The file is not readable as CSV or .xlsx')
  @ApiProblem(413, `Larger than ${IMPORT_LIMITS.maxBytes} bytes`)
  @ApiProblem(415, 'Not CSV or .xlsx, or text neither UTF-8 nor GBK')
  @ApiProblem(422, `Required columns missing, or more than ${IMPORT_LIMITS.maxRows} rows`)
  async import(
    @ValidQuery(ImportQuery) query: Static<typeof ImportQuery>,
    @Req() request: IncomingMessage,
    @Caller() caller: Caller,
  ): Promise<ImportReport> {
    try {
      const bytes = await readUpload(request, IMPORT_LIMITS.maxBytes);
      const file = await readImportFile(bytes, request.headers['content-type']);
      return await this.importAssets.execute(file, { dryRun: query.dryRun }, caller);
    } catch (err) {
      throw fileProblem(err);
    }
  }

  @Get('assets/export.csv')
  @ApiOperation({
    summary: 'The assets the filters select, as the import’s CSV (UTF-8 with BOM), streamed',
  })
  @ApiFile('The inventory as CSV (UTF-8 with BOM)', 'text/csv')
  async export(
    @ValidQuery(ExportAssetsQuery) query: ExportAssetsQuery,
    @Res() response: ServerResponse,
  ): Promise<void> {
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="assets.csv"');
    try {
      await pipeline(Readable.from(this.exportAssets.execute(query)), response);
    } catch (err) {
      // The header is out: the answer can only be cut short, which the client sees as an error.
      if (!response.headersSent) throw err;
      this.logger.error(`export cut short: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
