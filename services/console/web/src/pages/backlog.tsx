import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, yuan } from '../api';
import { useI18n } from '../i18n';
import type { Page } from '../orders';

interface Candidate {
  id: string;
  assetId: string;
  assetClass?: string;
  kind?: string;
  severity?: string;
  riskScore?: number;
  priority?: string;
  risk?: Record<string, unknown>;
  openedAt?: string;
  options: { option: string; costFen?: number; missing?: string }[];
  funding?: { status: string; envelope?: string; amountFen?: number; reason?: string };
}

const days = (iso?: string) => (iso ? Math.floor((Date.now() - Date.parse(iso)) / 86_400_000) : undefined);

/** The shortfall backlog, most at risk first: each score with its factors, its age and its funding. */
export function BacklogPage() {
  const { t } = useI18n();
  const [page, setPage] = useState<Page<Candidate>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Page<Candidate>>('/api/budget-allocation/candidates?status=open&sort=-riskScore&pageSize=100')
      .then(({ data }) => setPage(data))
      .catch(() => setError(t('serviceDown')));
  }, [t]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('backlog')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<Candidate>
        rowKey="id"
        size="small"
        loading={!page && !error}
        dataSource={page?.items}
        scroll={{ x: 900 }}
        columns={[
          { title: t('asset'), dataIndex: 'assetId' },
          { title: t('kind'), dataIndex: 'kind', render: (k?: string) => (k ? t(`kind.${k}`) : '—') },
          {
            title: t('severity'),
            dataIndex: 'severity',
            render: (s?: string) => (s ? t(`severity.${s}`) : '—'),
          },
          {
            title: t('risk'),
            dataIndex: 'riskScore',
            render: (score: number | undefined, c) => (
              <Tooltip
                title={<pre style={{ margin: 0, fontSize: 11 }}>{JSON.stringify(c.risk, null, 1)}</pre>}
              >
                <Tag color={(score ?? 0) >= 15 ? 'red' : (score ?? 0) >= 8 ? 'orange' : 'blue'}>
                  {score?.toFixed(1) ?? '—'}
                </Tag>
              </Tooltip>
            ),
          },
          { title: t('priority'), dataIndex: 'priority' },
          {
            title: t('age'),
            dataIndex: 'openedAt',
            render: (iso?: string) => t('days', { n: days(iso) ?? 0 }),
          },
          {
            title: t('cost'),
            render: (_, c) => {
              const costs = c.options.map((o) => o.costFen).filter((f): f is number => f !== undefined);
              return costs.length ? yuan(Math.min(...costs)) : '—';
            },
          },
          {
            title: t('funding'),
            render: (_, c) =>
              c.funding ? (
                <Tag color={c.funding.status === 'funded' ? 'green' : 'gold'}>
                  {t(`fundingStatus.${c.funding.status}`)}
                  {c.funding.reason ? ` · ${t(`fundingReason.${c.funding.reason}`)}` : ''}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
