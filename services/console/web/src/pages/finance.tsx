import { Alert, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Lines } from '../chart';
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
interface Commitment {
  id: string;
  envelope: string;
  amountFen: number;
  department: string;
  reason: string;
  at: string;
  actualFen: number;
  varianceFen?: number;
}
interface BudgetYear {
  fiscalYear: number;
  envelopes: Record<string, Counter>;
  commitments: Commitment[];
  actuals: { completionId: string; envelope: string; amountFen: number; completedAt: string }[];
}

const MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
});
const monthOf = (iso: string) => MONTH.format(new Date(iso)).slice(0, 7);

/**
 * The year month by month (Asia/Shanghai): what was committed and what completed work cost, each
 * summed from the start of the year, up to this month.
 */
export function monthlyTotals(
  year: number,
  budget: Pick<BudgetYear, 'commitments' | 'actuals'>,
  now = new Date(),
) {
  const last = Number(monthOf(now.toISOString()).slice(5)) + (now.getFullYear() > year ? 12 : 0);
  const months = Array.from(
    { length: Math.min(12, Math.max(1, last)) },
    (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
  );
  const sum = (entries: { month: string; fen: number }[]) => {
    let running = 0;
    return months.map((m) => {
      running += entries.filter((e) => e.month === m).reduce((s, e) => s + e.fen, 0);
      return Math.round(running / 100) / 10_000; // 万元
    });
  };
  return {
    months,
    committed: sum(budget.commitments.map((c) => ({ month: monthOf(c.at), fen: c.amountFen }))),
    actual: sum(budget.actuals.map((a) => ({ month: monthOf(a.completedAt), fen: a.amountFen }))),
  };
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
      {budget && <OverTime year={year} budget={budget} />}
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

function OverTime({ year, budget }: { year: number; budget: BudgetYear }) {
  const { t, language } = useI18n();
  const totals = useMemo(() => monthlyTotals(year, budget), [year, budget]);
  const series = useMemo(
    () => [
      { name: t('committed'), values: totals.committed, step: true },
      { name: t('actual'), values: totals.actual, step: true },
    ],
    [totals, t],
  );
  return (
    <Card size="small" title={t('finance.overTime')}>
      <Lines categories={totals.months} series={series} unit={t('finance.wan')} testId="finance-chart" />
      <Table<Commitment>
        rowKey="id"
        size="small"
        dataSource={budget.commitments}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('finance.when'),
            dataIndex: 'at',
            render: (iso: string) => new Date(iso).toLocaleDateString(language),
          },
          { title: t('envelope'), dataIndex: 'envelope', render: (e: string) => t(`envelope.${e}`) },
          { title: t('finance.department'), dataIndex: 'department' },
          { title: t('reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('committed'), dataIndex: 'amountFen', render: yuan },
          { title: t('actual'), dataIndex: 'actualFen', render: yuan },
          {
            title: t('finance.variance'),
            dataIndex: 'varianceFen',
            render: (v?: number) =>
              v === undefined ? '—' : <Tag color={v > 0 ? 'red' : 'green'}>{yuan(v)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
