import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';

// The limits asset-inventory enforces (services/asset-inventory/src/asset-import/domain/import-file.ts,
// IMPORT_LIMITS): checked here first, so nobody waits for an upload the service would refuse.
/** IMPORT_LIMITS.maxBytes: the largest file one import takes. */
const MAX_BYTES = 8 * 1024 * 1024;
/** IMPORT_LIMITS.maxRows: the most rows one import takes (the service counts them). */
const MAX_ROWS = 2_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT = '/api/asset-inventory/assets/import';
const EXPORT = '/api/asset-inventory/assets/export.csv';

/** What the service answers (its ImportReport). */
interface RowOutcome {
  sheet?: string;
  line: number;
  code: string;
  action: 'create' | 'update' | 'unchanged';
  apiKey?: string;
}
interface RowError {
  sheet?: string;
  line: number;
  code?: string;
  column?: string;
  field?: string;
  value?: unknown;
  reason: string;
}
interface ImportReport {
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  encoding?: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  ignoredColumns: string[];
  results: RowOutcome[];
  errors: RowError[];
}

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The file as the body to send, with the type the service reads it by (browsers may give none). */
function bodyOf(file: File): Blob {
  const xlsx = /\.xlsx$/i.test(file.name);
  const type = xlsx ? XLSX_TYPE : file.type || 'text/csv';
  return file.type === type ? file : file.slice(0, file.size, type);
}

/** CSV or .xlsx import of assets: checked (a dry run) then imported, each row's outcome shown. */
export function AssetsImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [running, setRunning] = useState<'dry' | 'real'>();
  const [report, setReport] = useState<ImportReport>();
  const [failure, setFailure] = useState<{ title: string; detail?: string }>();
  const mb = MAX_BYTES / 1024 / 1024;

  const choose = (chosen: File) => {
    setReport(undefined);
    setFailure(undefined);
    setFile(chosen);
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) setFileProblem(t('import.wrongType', { name: chosen.name }));
    else if (chosen.size > MAX_BYTES) setFileProblem(t('import.tooLarge', { size: sizeOf(chosen.size), mb }));
    else if (chosen.size === 0) setFileProblem(t('import.empty'));
    else setFileProblem(undefined);
  };

  const send = async (dryRun: boolean) => {
    if (!file || fileProblem) return;
    setRunning(dryRun ? 'dry' : 'real');
    setReport(undefined);
    setFailure(undefined);
    try {
      const { data } = await api<ImportReport>(`${IMPORT}?dryRun=${dryRun}`, { raw: bodyOf(file) });
      setReport(data);
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) setFailure({ title: t('serviceDown') });
      else if (err instanceof ApiError && [400, 403, 413, 415, 422].includes(err.status))
        setFailure({ title: t(`import.error.${err.status}`), detail: err.message });
      else if (err instanceof ApiError && err.status >= 500) setFailure({ title: t('serviceDown') });
      else setFailure({ title: t('import.error.other'), detail: (err as Error).message });
    } finally {
      setRunning(undefined);
    }
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'chosen', name: file.name, size: file.size, status: fileProblem ? 'error' : 'done' }]
    : [];
  const dry = report?.dryRun ?? false;
  const newKeys = report?.results.filter((r) => r.apiKey) ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('import.title')}</Typography.Title>
      <Typography.Paragraph>{t('import.intro', { mb, rows: MAX_ROWS })}</Typography.Paragraph>
      <Space wrap>
        <Button href={EXPORT} download data-testid="import-template">
          {t('import.template')}
        </Button>
        <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
      </Space>

      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            maxCount={1}
            fileList={fileList}
            disabled={running !== undefined}
            beforeUpload={(chosen) => {
              choose(chosen);
              return false;
            }}
            onRemove={() => {
              setFile(undefined);
              setFileProblem(undefined);
              setReport(undefined);
              setFailure(undefined);
            }}
          >
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t('import.drop')}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('import.dropHint', { mb })}</Typography.Text>
          </Upload.Dragger>
          {file && !fileProblem && (
            <Typography.Text data-testid="import-chosen">
              {t('import.chosen', { name: file.name, size: sizeOf(file.size) })}
            </Typography.Text>
          )}
          {fileProblem && (
            <Alert type="error" showIcon title={fileProblem} data-testid="import-file-problem" />
          )}
          <Space wrap>
            <Button
              onClick={() => void send(true)}
              disabled={!file || !!fileProblem || running !== undefined}
              loading={running === 'dry'}
            >
              {t('import.dryRun')}
            </Button>
            <Button
              type="primary"
              onClick={() => void send(false)}
              disabled={!file || !!fileProblem || running !== undefined}
              loading={running === 'real'}
            >
              {t('import.run')}
            </Button>
          </Space>
        </Space>
      </Card>

      {running && (
        <div data-testid="import-running" style={{ textAlign: 'center', padding: 24 }}>
          <Spin size="large" />
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {running === 'dry' ? t('import.checking') : t('import.importing')}
            </Typography.Text>
          </div>
        </div>
      )}

      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.title}
          description={failure.detail}
          data-testid="import-failure"
        />
      )}

      {report && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-report">
          <Alert
            type={report.invalid > 0 ? 'warning' : dry ? 'info' : 'success'}
            showIcon
            title={dry ? t('import.reportDry') : t('import.reportDone')}
            description={t('import.fileInfo', {
              format: report.format.toUpperCase(),
              encoding: report.encoding ?? '—',
            })}
            data-testid="import-outcome"
          />
          <Card size="small">
            <Row gutter={16}>
              {(
                [
                  ['rows', t('import.rows'), report.rows],
                  ['created', dry ? t('import.wouldCreate') : t('import.created'), report.created],
                  ['updated', dry ? t('import.wouldUpdate') : t('import.updated'), report.updated],
                  ['unchanged', t('import.unchanged'), report.unchanged],
                  ['refused', t('import.refused'), report.invalid],
                ] as const
              ).map(([key, title, value]) => (
                <Col key={key} xs={12} sm={8} md={key === 'rows' ? 4 : 5}>
                  <Statistic
                    title={title}
                    value={value}
                    styles={{ content: key === 'refused' && value > 0 ? { color: '#cf1322' } : {} }}
                    data-testid={`import-count-${key}`}
                  />
                </Col>
              ))}
            </Row>
          </Card>
          {report.ignoredColumns.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('import.ignoredColumns', { columns: report.ignoredColumns.join('、') })}
            />
          )}

          <Card size="small" title={t('import.refusedRows', { n: report.errors.length })}>
            <Table<RowError>
              data-testid="import-errors"
              rowKey={(e) => `${e.sheet ?? ''}:${e.line}:${e.column ?? ''}:${e.field ?? ''}:${e.reason}`}
              size="small"
              pagination={report.errors.length > 50 ? { pageSize: 50 } : false}
              dataSource={report.errors}
              locale={{ emptyText: t('import.noRefused') }}
              scroll={{ x: 720 }}
              columns={[
                ...(report.format === 'xlsx'
                  ? [{ title: t('import.sheet'), dataIndex: 'sheet', render: (s?: string) => s ?? '—' }]
                  : []),
                { title: t('import.line'), dataIndex: 'line', width: 70 },
                { title: t('import.code'), dataIndex: 'code', render: (c?: string) => c ?? '—' },
                { title: t('import.column'), dataIndex: 'column', render: (c?: string) => c ?? '—' },
                {
                  title: t('import.value'),
                  dataIndex: 'value',
                  render: (v: unknown) =>
                    v === undefined || v === null || v === ''
                      ? '—'
                      : typeof v === 'string'
                        ? v
                        : JSON.stringify(v),
                },
                {
                  title: t('import.reason'),
                  dataIndex: 'reason',
                  render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text>,
                },
              ]}
            />
          </Card>

          {newKeys.length > 0 && <Alert type="warning" showIcon title={t('import.apiKeyOnce')} />}
          <Card size="small" title={t('import.acceptedRows', { n: report.results.length })}>
            <Table<RowOutcome>
              data-testid="import-results"
              rowKey={(r) => `${r.sheet ?? ''}:${r.line}`}
              size="small"
              pagination={report.results.length > 50 ? { pageSize: 50 } : false}
              dataSource={report.results}
              scroll={{ x: 600 }}
              columns={[
                ...(report.format === 'xlsx'
                  ? [{ title: t('import.sheet'), dataIndex: 'sheet', render: (s?: string) => s ?? '—' }]
                  : []),
                { title: t('import.line'), dataIndex: 'line', width: 70 },
                { title: t('import.code'), dataIndex: 'code' },
                {
                  title: t('import.action'),
                  dataIndex: 'action',
                  render: (a: RowOutcome['action']) => (
                    <Tag color={a === 'create' ? 'green' : a === 'update' ? 'blue' : 'default'}>
                      {t(`import.${dry ? 'dry' : 'action'}.${a}`)}
                    </Tag>
                  ),
                },
                ...(newKeys.length > 0
                  ? [
                      {
                        title: t('import.apiKey'),
                        dataIndex: 'apiKey',
                        render: (k?: string) =>
                          k ? (
                            <Typography.Text copyable code>
                              {k}
                            </Typography.Text>
                          ) : (
                            ''
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Space>
      )}
    </Space>
  );
}
