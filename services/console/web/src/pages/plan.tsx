import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Progress,
  Result,
  Space,
  Spin,
  Steps,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, fieldErrorsOf, yuan } from '../api';
import { useDraft } from '../draft';
import { useI18n } from '../i18n';
import { hasRole, useSession } from '../session';
import { PlanStatus, problem, type PlanSummary } from './plans';

interface Plan extends PlanSummary {
  version: number;
  timeLimitSeconds: number;
  candidateCount: number;
  notOffered: string[];
  failure?: string;
  solution?: { status: string; method: string; gap?: number; elapsedSeconds: number; excluded: number };
  items: {
    candidateId: string;
    assetId: string;
    department: string;
    zoneId?: string;
    priority: string;
    riskScore: number;
    option: string;
    taskType: string;
    quantity: number;
    unit: string;
    envelope: string;
    costFen: number;
    benefit: number;
  }[];
  chain: { role: string; label: string; aboveFen?: number }[];
  approvals: { step: number; role: string; by: string; name?: string; comment?: string; at: string }[];
  rejection?: { by: string; name?: string; reason: string; at: string };
  funding?: { dropped?: { candidateId: string; why: string }[]; lastError?: string };
}

const BUSY = ['solving', 'funding'];

/**
 * One plan: its progress while the optimiser works (the best found so far and how far from the
 * proven best), then what it funds, the approval chain and who signed; the next signer signs or
 * refuses it here.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { me } = useSession();
  const [plan, setPlan] = useState<Plan>();
  const [error, setError] = useState<ApiError>();
  const load = useCallback(
    () =>
      api<Plan>(`/api/budget-allocation/plans/${encodeURIComponent(id)}`)
        .then(({ data }) => {
          setPlan(data);
          setError(undefined);
        })
        .catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err)))),
    [id],
  );
  useEffect(() => void load(), [load]);
  // While it is solved or funded, the page follows it.
  useEffect(() => {
    if (!plan || !BUSY.includes(plan.status)) return;
    const timer = setInterval(() => void load(), 1_500);
    return () => clearInterval(timer);
  }, [plan, load]);

  if (error?.status === 404) return <Result status="404" title={t('plans.noSuchPlan')} />;
  if (error && !plan) return <Alert type="error" showIcon message={problem(error, t)} />;
  if (!plan) return <Spin />;
  const signer = plan.status === 'proposed' && plan.nextStep && hasRole(me, plan.nextStep.role);
  const elapsed = plan.progress?.seconds ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <Link to="/plans">{t('plans.title')}</Link> / {plan.id}
        </Typography.Title>
        <Button href={`/api/budget-allocation/plans/${plan.id}/export.xlsx`}>{t('exportExcel')}</Button>
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('state')}>
            <span data-testid="plan-status">
              <PlanStatus status={plan.status} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fiscalYear')}>{plan.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label={t('plans.total')}>{yuan(plan.totalFen)}</Descriptions.Item>
          {Object.entries(plan.budgetFen).map(([e, fen]) => (
            <Descriptions.Item key={e} label={t(`envelope.${e}`)}>
              {yuan(fen)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('plans.candidates')}>{plan.candidateCount}</Descriptions.Item>
          <Descriptions.Item label={t('reason')}>{plan.reason}</Descriptions.Item>
        </Descriptions>
        {plan.status === 'solving' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress
              percent={Math.min(99, Math.round((elapsed / plan.timeLimitSeconds) * 100))}
              status="active"
            />
            <Typography.Text type="secondary">
              {plan.progress
                ? t('plans.solvingBest', {
                    objective: plan.progress.objective.toFixed(1),
                    gap: plan.progress.gap === undefined ? '—' : `${(plan.progress.gap * 100).toFixed(1)}%`,
                    seconds: plan.progress.seconds.toFixed(0),
                  })
                : t('plans.solvingStarted')}
            </Typography.Text>
          </Space>
        )}
        {plan.solution && (
          <Typography.Text type="secondary">
            {t('plans.solved', {
              method: plan.solution.method,
              seconds: plan.solution.elapsedSeconds.toFixed(1),
              gap: plan.solution.gap === undefined ? '—' : `${(plan.solution.gap * 100).toFixed(1)}%`,
            })}
          </Typography.Text>
        )}
        {plan.failure && <Alert type="error" showIcon message={plan.failure} />}
        {plan.funding?.lastError && <Alert type="warning" showIcon message={plan.funding.lastError} />}
      </Card>
      {plan.chain.length > 0 && (
        <Card size="small" title={t('plans.chain')}>
          <Steps
            size="small"
            current={plan.approvals.length}
            status={plan.rejection ? 'error' : undefined}
            items={plan.chain.map((step, i) => {
              const signed = plan.approvals.find((a) => a.step === i);
              return {
                title: step.label,
                description: signed
                  ? `${signed.name ?? signed.by} · ${new Date(signed.at).toLocaleString(language)}${signed.comment ? ` · ${signed.comment}` : ''}`
                  : i === plan.approvals.length && plan.rejection
                    ? `${t('plans.refusedBy', { name: plan.rejection.name ?? plan.rejection.by })}: ${plan.rejection.reason}`
                    : undefined,
              };
            })}
          />
          {signer && <SignForm plan={plan} onDone={setPlan} />}
        </Card>
      )}
      <Card size="small" title={t('plans.itemsTitle', { n: plan.items.length })}>
        <Table
          rowKey="candidateId"
          size="small"
          dataSource={plan.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('asset'), dataIndex: 'assetId' },
            { title: t('priority'), dataIndex: 'priority' },
            { title: t('risk'), dataIndex: 'riskScore', render: (v: number) => v.toFixed(1) },
            { title: t('plans.option'), dataIndex: 'option' },
            { title: t('taskType'), dataIndex: 'taskType' },
            { title: t('quantity'), render: (_, i) => `${i.quantity} ${i.unit}` },
            { title: t('envelope'), dataIndex: 'envelope', render: (e: string) => t(`envelope.${e}`) },
            { title: t('cost'), dataIndex: 'costFen', render: yuan },
            { title: t('plans.benefit'), dataIndex: 'benefit', render: (v: number) => v.toFixed(1) },
          ]}
        />
        {plan.notOffered.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('plans.notOffered', { ids: plan.notOffered.join('、') })}
          </Typography.Paragraph>
        )}
        {(plan.funding?.dropped ?? []).map((d) => (
          <Alert key={d.candidateId} type="warning" showIcon message={`${d.candidateId}: ${d.why}`} />
        ))}
      </Card>
    </Space>
  );
}

/** The next signer's form: sign (with an optional comment) or refuse (with the reason). */
function SignForm({ plan, onDone }: { plan: Plan; onDone: (plan: Plan) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string; reason?: string }>();
  const draft = useDraft(form, `sign-${plan.id}`);
  const [busy, setBusy] = useState<'sign' | 'refuse'>();
  const send = (kind: 'sign' | 'refuse') => {
    const { comment, reason } = form.getFieldsValue();
    if (kind === 'refuse' && (!reason || reason.trim().length < 3))
      return form.setFields([{ name: 'reason', errors: [t('plans.reasonTooShort')] }]);
    setBusy(kind);
    const path = `/api/budget-allocation/plans/${plan.id}/${kind === 'sign' ? 'approvals' : 'rejection'}`;
    api<Plan>(path, { body: kind === 'sign' ? { ...(comment && { comment }) } : { reason } })
      .then(({ data }) => {
        draft.clear();
        form.resetFields();
        void message.success(kind === 'sign' ? t('plans.signed') : t('plans.refused'));
        onDone(data);
      })
      .catch((err: unknown) => {
        const fields = fieldErrorsOf(err);
        if (fields.length) form.setFields(fields as never);
        else form.setFields([{ name: kind === 'sign' ? 'comment' : 'reason', errors: [problem(err, t)] }]);
      })
      .finally(() => setBusy(undefined));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 16 }}
      onValuesChange={draft.save}
      initialValues={draft.initial}
    >
      <Typography.Text strong>{t('plans.yourStep', { step: plan.nextStep?.label ?? '' })}</Typography.Text>
      <Form.Item name="comment" label={t('comment')} rules={[{ max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Button type="primary" loading={busy === 'sign'} onClick={() => send('sign')}>
        {t('plans.sign')}
      </Button>
      <Form.Item name="reason" label={t('reason')} style={{ marginTop: 16 }}>
        <Input maxLength={500} />
      </Form.Item>
      <Button danger loading={busy === 'refuse'} onClick={() => send('refuse')}>
        {t('plans.refuse')}
      </Button>
    </Form>
  );
}
