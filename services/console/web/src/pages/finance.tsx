import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, yuan } from '../api';
import { useI18n } from '../i18n';

interface Counter {
  limitFen: number;
  committedFen: number;
  actualFen?: number;
  availableFen?: number;
}
interface Quota {
  taskType: string;
  versions: {
    version: number;
    name: string;
    unit: string;
    standardHoursPerUnit: number;
    unitPriceFen: number;
    effectiveFrom: string;
    quality: { checklist: string[] };
  }[];
}
interface BudgetYear {
  fiscalYear: number;
  envelopes: Record<string, Counter>;
}

/** The year's envelopes: limit, committed, spent, what is left; the workbook for the finance office. */
export function FinancePage() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const [budget, setBudget] = useState<BudgetYear>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<BudgetYear>(`/api/budget-allocation/budgets/${year}`)
      .then(({ data }) => setBudget(data))
      .catch((err: unknown) =>
        setError(err instanceof ApiError && err.status === 404 ? t('noBudgetYear') : t('serviceDown')),
      );
  }, [t, year]);
  const [quotas, setQuotas] = useState<Quota[]>();
  useEffect(() => {
    api<{ items: Quota[] }>('/api/budget-allocation/quotas')
      .then(({ data }) => setQuotas(data.items))
      .catch(() => setQuotas([]));
  }, []);
  const rows = Object.entries(budget?.envelopes ?? {}).map(([envelope, c]) => ({ envelope, ...c }));
  const quotaRows = (quotas ?? []).flatMap((q) => {
    const v = q.versions.at(-1);
    return v ? [{ taskType: q.taskType, ...v }] : [];
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4}>{t('budgetYear', { year })}</Typography.Title>
        <Button href={`/api/budget-allocation/budgets/${year}/export.xlsx`}>{t('exportExcel')}</Button>
      </Space>
      {error && <Alert type="warning" showIcon message={error} />}
      <Card size="small">
        <Table
          rowKey="envelope"
          size="small"
          pagination={false}
          loading={!budget && !error}
          dataSource={rows}
          columns={[
            { title: t('envelope'), dataIndex: 'envelope', render: (e: string) => t(`envelope.${e}`) },
            { title: t('limit'), dataIndex: 'limitFen', render: yuan },
            { title: t('committed'), dataIndex: 'committedFen', render: yuan },
            {
              title: t('actual'),
              dataIndex: 'actualFen',
              render: (f?: number) => (f === undefined ? '—' : yuan(f)),
            },
            {
              title: t('used'),
              render: (_, r) => (
                <Progress
                  percent={Math.round((r.committedFen / Math.max(1, r.limitFen)) * 1000) / 10}
                  status={
                    r.committedFen >= r.limitFen
                      ? 'exception'
                      : r.committedFen >= 0.8 * r.limitFen
                        ? 'active'
                        : 'normal'
                  }
                  size="small"
                />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('quotaCatalogue')}>
        <Table
          rowKey="taskType"
          size="small"
          pagination={false}
          loading={!quotas}
          dataSource={quotaRows}
          scroll={{ x: 800 }}
          columns={[
            { title: t('taskType'), dataIndex: 'name', render: (n: string, r) => `${n} (${r.taskType})` },
            { title: t('version'), dataIndex: 'version' },
            { title: t('unit'), dataIndex: 'unit' },
            { title: t('standardHours'), dataIndex: 'standardHoursPerUnit' },
            { title: t('unitPrice'), dataIndex: 'unitPriceFen', render: yuan },
            { title: t('effectiveFrom'), dataIndex: 'effectiveFrom' },
            {
              title: t('checklist'),
              dataIndex: ['quality', 'checklist'],
              render: (items: string[]) => items.join('；'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
