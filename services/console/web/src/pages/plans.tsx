import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Slider,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, describe, fieldErrorsOf, yuan } from '../api';
import { Lines } from '../chart';
import { useDraft } from '../draft';
import { useI18n, type Translate } from '../i18n';
import type { Page } from '../orders';
import { hasRole, useSession } from '../session';

export interface PlanSummary {
  id: string;
  fiscalYear: number;
  status: string;
  reason: string;
  requestedBy: string;
  budgetFen: Record<string, number>;
  totalFen: number;
  itemCount: number;
  progress?: { method: string; objective: number; gap?: number; seconds: number };
  nextStep?: { role: string; label: string };
  createdAt: string;
}

interface Counter {
  limitFen: number;
  availableFen: number;
}
interface BudgetYear {
  fiscalYear: number;
  envelopes: Record<string, Counter>;
}

interface WhatIfLine {
  budgetFen: number;
  values: (number | null)[];
}
interface WhatIf {
  firstYear: number;
  candidates: number;
  split: { source: string; maintenancePercent: number; capitalPercent: number };
  series: {
    labels: string[];
    meanCondition: WhatIfLine[];
    backlogRisk: WhatIfLine[];
    backlogCostFen: WhatIfLine[];
  };
  marginal: {
    fromFen: number;
    toFen: number;
    extraFunded: number;
    backlogRiskReduced: number;
    meanConditionGained: number | null;
  }[];
}

type Metric = 'meanCondition' | 'backlogRisk' | 'backlogCostFen';

/** Who proposes plans; who signs them is the approval chain's business. */
const PROPOSERS = ['asset-manager', 'finance', 'admin'];
const WAN = 1_000_000; // fen in 1万 yuan
const PLAN_ENVELOPES = ['maintenance', 'capital'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  solving: 'processing',
  proposed: 'gold',
  funding: 'processing',
  approved: 'green',
  rejected: 'red',
  failed: 'red',
};

export function PlanStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{t(`plans.status.${status}`)}</Tag>;
}

/**
 * Investment planning: how the backlog evolves at a budget level chosen on a slider, over the
 * years; a plan for this year solved within what it has left; the plans and where each stands.
 */
export function PlansPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const year = new Date().getFullYear();
  const [budget, setBudget] = useState<BudgetYear | null>();
  useEffect(() => {
    api<BudgetYear>(`/api/budget-allocation/budgets/${year}`)
      .then(({ data }) => setBudget(data))
      .catch(() => setBudget(null));
  }, [year]);
  const available = useMemo(
    () =>
      Object.fromEntries(PLAN_ENVELOPES.map((e) => [e, budget?.envelopes[e]?.availableFen ?? 0])) as Record<
        (typeof PLAN_ENVELOPES)[number],
        number
      >,
    [budget],
  );
  const [proposal, setProposal] = useState<Record<string, number>>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('plans.title')}</Typography.Title>
      {budget === null && <Alert type="warning" showIcon message={t('noBudgetYear')} />}
      {budget !== undefined && (
        <WhatIfCard
          budget={budget}
          onUse={hasRole(me, ...PROPOSERS) ? (fen) => setProposal(fen) : undefined}
          available={available}
        />
      )}
      {hasRole(me, ...PROPOSERS) && budget && (
        <ProposeCard year={year} available={available} proposal={proposal} />
      )}
      <PlanList />
    </Space>
  );
}

function WhatIfCard({
  budget,
  available,
  onUse,
}: {
  budget: BudgetYear | null;
  available: Record<string, number>;
  onUse?: (budgetFen: Record<string, number>) => void;
}) {
  const { t } = useI18n();
  // The slider is in 万 yuan a year; it starts at what this year's two envelopes hold.
  const current = budget
    ? Math.round(PLAN_ENVELOPES.reduce((sum, e) => sum + (budget.envelopes[e]?.limitFen ?? 0), 0) / WAN)
    : 0;
  const [level, setLevel] = useState(Math.max(current, 10));
  const max = Math.max(50, Math.ceil((Math.max(current, level) * 3) / 10) * 10);
  const [years, setYears] = useState(5);
  const [metric, setMetric] = useState<Metric>('backlogRisk');
  const [answer, setAnswer] = useState<WhatIf>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const project = useCallback(
    (wan: number, span: number) => {
      // Nothing spent, this year's budget and the level on the slider, side by side.
      const levelsFen = [...new Set([0, current * WAN, wan * WAN])].sort((a, b) => a - b);
      setBusy(true);
      setError(undefined);
      api<WhatIf>('/api/budget-allocation/what-if', { body: { levelsFen, years: span } })
        .then(({ data }) => setAnswer(data))
        .catch((err: unknown) => setError(problem(err, t)))
        .finally(() => setBusy(false));
    },
    [current, t],
  );
  // The first projection, at this year's budget; later ones when the slider is let go.
  const [first] = useState(() => ({ level, years }));
  useEffect(() => project(first.level, first.years), [project, first]);

  const lines = answer?.series[metric] ?? [];
  const scale = metric === 'backlogCostFen' ? 1 / WAN : 1;
  const series = useMemo(
    () =>
      lines.map((l) => ({
        name:
          l.budgetFen === 0
            ? t('plans.nothingSpent')
            : t('plans.levelWan', { n: (l.budgetFen / WAN).toLocaleString() }),
        values: l.values.map((v) => (v === null ? null : Math.round(v * scale * 10) / 10)),
      })),
    [lines, scale, t],
  );
  const categories = useMemo(
    () => (answer?.series.labels ?? []).map((l) => (l === 'now' ? t('plans.now') : l)),
    [answer, t],
  );
  const split = answer?.split;
  return (
    <Card size="small" title={t('plans.whatIf')}>
      <Row gutter={16} align="middle">
        <Col xs={24} md={14}>
          <Typography.Text>{t('plans.levelPerYear')}</Typography.Text>
          <Slider
            data-testid="budget-slider"
            min={0}
            max={max}
            step={5}
            value={level}
            onChange={setLevel}
            onChangeComplete={(v) => project(v, years)}
            marks={{ 0: '0', [current]: t('plans.thisYear'), [max]: `${max}` }}
            tooltip={{ formatter: (v) => t('plans.levelWan', { n: v ?? 0 }) }}
          />
        </Col>
        <Col xs={12} md={5}>
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">{t('plans.years')}</Typography.Text>
            <InputNumber
              min={1}
              max={10}
              value={years}
              onChange={(v) => {
                if (v) {
                  setYears(v);
                  project(level, v);
                }
              }}
            />
          </Space>
        </Col>
        <Col xs={12} md={5}>
          <Typography.Text strong>{t('plans.levelWan', { n: level })}</Typography.Text>
        </Col>
      </Row>
      <Segmented<Metric>
        value={metric}
        onChange={setMetric}
        options={(['backlogRisk', 'meanCondition', 'backlogCostFen'] as const).map((m) => ({
          value: m,
          label: t(`plans.metric.${m}`),
        }))}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      <Spin spinning={busy} tip={t('plans.projecting')}>
        {answer ? (
          <>
            <Lines
              categories={categories}
              series={series}
              unit={t(`plans.unit.${metric}`)}
              testId="what-if-chart"
            />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('plans.whatIfNote', {
                candidates: answer.candidates,
                maintenance: split?.maintenancePercent ?? 0,
                capital: split?.capitalPercent ?? 0,
              })}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey={(m) => `${m.fromFen}-${m.toFen}`}
              dataSource={answer.marginal}
              columns={[
                {
                  title: t('plans.step'),
                  render: (_, m) => `${yuan(m.fromFen)} → ${yuan(m.toFen)}`,
                },
                { title: t('plans.extraFunded'), dataIndex: 'extraFunded' },
                {
                  title: t('plans.riskReduced'),
                  dataIndex: 'backlogRiskReduced',
                  render: (v: number) => v.toFixed(1),
                },
                {
                  title: t('plans.conditionGained'),
                  dataIndex: 'meanConditionGained',
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
                },
              ]}
            />
          </>
        ) : (
          <div style={{ height: 120 }} />
        )}
      </Spin>
      {onUse && answer && (
        <Button
          style={{ marginTop: 8 }}
          onClick={() => {
            // This year's share of the level, as the what-if split it, within what is left.
            const fen = level * WAN;
            onUse({
              maintenance: Math.min(
                available.maintenance ?? 0,
                Math.round((fen * (split?.maintenancePercent ?? 50)) / 100),
              ),
              capital: Math.min(
                available.capital ?? 0,
                Math.round((fen * (split?.capitalPercent ?? 50)) / 100),
              ),
            });
          }}
        >
          {t('plans.useLevel')}
        </Button>
      )}
    </Card>
  );
}

interface ProposeValues {
  maintenanceYuan: number;
  capitalYuan: number;
  timeLimitSeconds: number;
  reason: string;
}

function ProposeCard({
  year,
  available,
  proposal,
}: {
  year: number;
  available: Record<string, number>;
  proposal?: Record<string, number>;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const draft = useDraft(form, `plan-${year}`);
  useEffect(() => {
    if (proposal)
      form.setFieldsValue({
        maintenanceYuan: (proposal.maintenance ?? 0) / 100,
        capitalYuan: (proposal.capital ?? 0) / 100,
      });
  }, [form, proposal]);
  const submit = (v: ProposeValues) => {
    setBusy(true);
    setError(undefined);
    api<PlanSummary>('/api/budget-allocation/plans', {
      body: {
        fiscalYear: year,
        budgetFen: {
          maintenance: Math.round(v.maintenanceYuan * 100),
          capital: Math.round(v.capitalYuan * 100),
        },
        timeLimitSeconds: v.timeLimitSeconds,
        reason: v.reason,
      },
    })
      .then(({ data }) => {
        draft.clear();
        navigate(`/plans/${data.id}`);
      })
      .catch((err: unknown) => {
        // The server names fields in fen (budgetFen/maintenance): shown beside the yuan fields.
        const fields = fieldErrorsOf(err).map((f) => ({
          ...f,
          name: f.name[0] === 'budgetFen' ? [`${String(f.name[1])}Yuan`] : f.name,
        }));
        form.setFields(fields as never);
        if (!fields.length) setError(problem(err, t));
      })
      .finally(() => setBusy(false));
  };
  const envelopeRule = (envelope: string) => ({
    validator: (_: unknown, value?: number) =>
      value === undefined || value === null
        ? Promise.reject(new Error(t('required')))
        : Math.round(value * 100) > (available[envelope] ?? 0)
          ? Promise.reject(
              new Error(t('plans.aboveAvailable', { available: yuan(available[envelope] ?? 0) })),
            )
          : Promise.resolve(),
  });
  return (
    <Card size="small" title={t('plans.propose', { year })}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form<ProposeValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={draft.save}
        initialValues={{
          maintenanceYuan: (available.maintenance ?? 0) / 100,
          capitalYuan: (available.capital ?? 0) / 100,
          timeLimitSeconds: 10,
          reason: '',
          ...draft.initial,
        }}
      >
        <Row gutter={12}>
          {PLAN_ENVELOPES.map((e) => (
            <Col xs={24} md={8} key={e}>
              <Form.Item
                name={`${e}Yuan`}
                label={`${t(`envelope.${e}`)} (${t('plans.availableNow', { available: yuan(available[e] ?? 0) })})`}
                rules={[envelopeRule(e)]}
              >
                <InputNumber min={0} step={1000} style={{ width: '100%' }} addonAfter="元" />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={8}>
            <Form.Item
              name="timeLimitSeconds"
              label={t('plans.timeLimit')}
              rules={[{ required: true, message: t('required') }]}
            >
              <InputNumber min={1} max={600} addonAfter={t('plans.seconds')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('plans.reason')}
          rules={[
            { required: true, message: t('required') },
            { min: 3, message: t('plans.reasonTooShort') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('plans.solve')}
        </Button>
      </Form>
    </Card>
  );
}

function PlanList() {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>('all');
  const [plans, setPlans] = useState<Page<PlanSummary>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const filter = status === 'all' ? '' : `&status=${status}`;
    api<Page<PlanSummary>>(`/api/budget-allocation/plans?page=${page}&pageSize=20${filter}`)
      .then(({ data }) => setPlans(data))
      .catch((err: unknown) => setError(problem(err, t)));
  }, [page, status, t]);
  return (
    <Card size="small" title={t('plans.list')}>
      {error && <Alert type="error" showIcon message={error} />}
      <Segmented
        value={status}
        onChange={(s) => {
          setStatus(s);
          setPage(1);
        }}
        options={['all', 'proposed', 'solving', 'approved', 'rejected'].map((s) => ({
          value: s,
          label: s === 'all' ? t('all') : t(`plans.status.${s}`),
        }))}
        style={{ marginBottom: 8 }}
      />
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        loading={!plans && !error}
        dataSource={plans?.items}
        scroll={{ x: 760 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: plans?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('plans.plan'),
            dataIndex: 'id',
            render: (id: string) => <Link to={`/plans/${id}`}>{id}</Link>,
          },
          { title: t('state'), dataIndex: 'status', render: (s: string) => <PlanStatus status={s} /> },
          { title: t('plans.total'), dataIndex: 'totalFen', render: yuan },
          { title: t('plans.items'), dataIndex: 'itemCount' },
          {
            title: t('plans.nextStep'),
            render: (_, p) => p.nextStep?.label ?? '—',
          },
          { title: t('reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('plans.createdAt'),
            dataIndex: 'createdAt',
            render: (iso: string) => new Date(iso).toLocaleString(language),
          },
        ]}
      />
    </Card>
  );
}

/** What a refusal says to the person: the server's words for 4xx, a plain line when it is down. */
export function problem(err: unknown, t: Translate): string {
  if (err instanceof ApiError && err.status === 429)
    return t('plans.tooMany', { seconds: err.retryAfterSeconds ?? 60 });
  return describe(err, t);
}
