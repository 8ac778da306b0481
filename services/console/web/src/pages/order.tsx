import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, describe, fieldErrorsOf, yuan } from '../api';
import { enqueue, flush, isQueueable, OUTBOX_EVENT, queued } from '../outbox';
import { useI18n } from '../i18n';
import { isLate, ORDERS, PRIORITY_COLOURS, when, type WorkOrder } from '../orders';
import { hasRole, useSession } from '../session';
import { AssignForm } from './assign';
import { AssetOnPlan } from '../plan-drawing';
import { useDraft } from '../draft';

interface Quota {
  inForceToday?: number;
  versions: { version: number; quality: { checklist: string[] } }[];
}

/** One order: what it is, its due time and history, and what the person may do with it now. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [order, setOrder] = useState<WorkOrder>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(() => {
    api<WorkOrder>(`${ORDERS}/${encodeURIComponent(id)}`)
      .then(({ data }) => setOrder(data))
      .catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'network')));
  }, [id]);
  useEffect(load, [load]);

  /**
   * Sends an action guarded by the version shown; the order comes back as it now is. Without signal
   * a crew member's move is kept on the phone with the time they acted, and sent when it returns.
   */
  const act = async (action: string, body: Record<string, unknown>) => {
    if (!order) return;
    const path = `${ORDERS}/${order.id}/${action}`;
    const acted = isQueueable(path) ? { actedAt: new Date().toISOString(), ...body } : body;
    try {
      const { data } = await api<WorkOrder>(path, {
        body: acted,
        headers: { 'if-match': `"${order.version}"` },
      });
      setOrder(data);
      void message.success(t('saved'));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 0 || !isQueueable(path)) throw err;
      enqueue(path, acted);
      void message.warning(t('queuedOffline'));
    }
  };

  // Moves kept while offline go when the network is back (the shell sends them and reports any
  // refused): then show the order as it is.
  useEffect(() => {
    const online = () => void flush().then(() => load());
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [load]);
  // What waits to be sent is on the phone, not in React's state: re-render when it changes.
  const [, outboxChanged] = useState(0);
  useEffect(() => {
    const changed = () => outboxChanged((n) => n + 1);
    window.addEventListener(OUTBOX_EVENT, changed);
    return () => window.removeEventListener(OUTBOX_EVENT, changed);
  }, []);
  const waiting = queued().filter((m) => m.path.startsWith(`${ORDERS}/${id}/`));

  if (error)
    return error.status === 403 ? (
      <Result status="403" title="403" subTitle={t('forbidden')} />
    ) : error.status === 404 ? (
      <Result status="404" title={t('notFound')} />
    ) : (
      <Result status="warning" title={t('serviceDown')} />
    );
  if (!order) return <Spin />;

  // The state machine says what may happen now; the role says who does it (the service checks both).
  const working = hasRole(me, 'crew-member', 'contractor');
  const supervising = hasRole(me, 'supervisor', 'department-head', 'admin');
  const can = (action: string) =>
    order.allowed.includes(action) &&
    (['start', 'complete'].includes(action)
      ? working
      : ['assign', 'verify', 'reject'].includes(action)
        ? supervising
        : false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={order.title}
        extra={<Tag color={PRIORITY_COLOURS[order.priority]}>{order.priority}</Tag>}
        size="small"
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('state')}>
            <span data-testid="order-state">{t(`state.${order.state}`)}</span>
            {waiting.length > 0 && (
              <Tag color="gold" style={{ marginLeft: 8 }} data-testid="queued">
                {t('queuedCount', { n: waiting.length })}
              </Tag>
            )}
            {order.rating && <Tag style={{ marginLeft: 8 }}>{t(`rating.${order.rating}`)}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('asset')}>{order.assetId}</Descriptions.Item>
          <Descriptions.Item label={t('due')}>
            {when(order.due.resolveBy, language)} {isLate(order) && <Tag color="red">{t('late')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('standardHours')}>{order.standardHours}</Descriptions.Item>
          {order.assignee && (
            <Descriptions.Item label={t('assignee')}>
              {t(order.assignee.kind)} {order.assignee.id}
            </Descriptions.Item>
          )}
          {order.description && <Descriptions.Item>{order.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <AssetOnPlan assetId={order.assetId} title={t('whereOnPlan')} />
      {order.closure && <ClosureCard closure={order.closure} />}
      {can('start') && (
        <Button type="primary" block size="large" onClick={() => void act('start', {}).catch(() => load())}>
          {t('start')}
        </Button>
      )}
      {can('assign') && <AssignForm order={order} onAssign={(body) => act('assign', body)} />}
      {(order.state === 'in-progress' || order.photos.length > 0) && (
        <Photos order={order} onAdded={setOrder} canAdd={working && order.state === 'in-progress'} />
      )}
      {can('complete') && <CompleteForm order={order} onComplete={(body) => act('complete', body)} />}
      {can('verify') && (
        <VerifyForm
          orderId={order.id}
          onVerify={(body) => act('verify', body)}
          onReject={(body) => act('reject', body)}
        />
      )}
      <Card size="small" title={t('history')} data-testid="history">
        <Timeline
          items={order.history.map((h) => ({
            children: (
              <Typography.Text>
                {when(h.at, language)} · {t(`action.${h.action}`)} · {h.by}
                {h.reason ? ` · ${h.reason}` : ''}
              </Typography.Text>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

/** What the crew reported at completion: what the supervisor verifies against. */
function ClosureCard({ closure }: { closure: NonNullable<WorkOrder['closure']> }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('complete')} data-testid="closure">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('notes')}>{closure.notes}</Descriptions.Item>
        <Descriptions.Item label={t('labourHours')}>{closure.labourHours}</Descriptions.Item>
        <Descriptions.Item label={t('costYuan')}>{yuan(closure.actualCostFen)}</Descriptions.Item>
        {closure.materials.length > 0 && (
          <Descriptions.Item label={t('materials')}>
            {closure.materials.map((m) => `${m.name} ${m.quantity}${m.unit} ${yuan(m.costFen)}`).join('；')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {closure.checklist.length > 0 && (
        <List
          size="small"
          header={t('checklist')}
          dataSource={closure.checklist}
          renderItem={(c) => (
            <List.Item>
              <Tag color={c.passed ? 'green' : 'red'}>{c.passed ? '✓' : '✗'}</Tag>
              {c.item}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Photos({
  order,
  onAdded,
  canAdd,
}: {
  order: WorkOrder;
  onAdded: (o: WorkOrder) => void;
  canAdd: boolean;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  return (
    <Card size="small" title={`${t('photos')} (${order.photos.length})`}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
      <Space wrap>
        {order.photos.map((p) => (
          <img
            key={p.id}
            src={`${ORDERS}/${order.id}/photos/${p.id}`}
            alt=""
            style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
        {canAdd && (
          <Upload
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              api<WorkOrder>(`${ORDERS}/${order.id}/photos`, { raw: file as File })
                .then(({ data }) => {
                  setError(undefined);
                  onAdded(data);
                  onSuccess?.(data);
                })
                .catch((err: Error) => {
                  setError(describe(err, t));
                  onError?.(err);
                });
            }}
          >
            <Button data-testid="add-photo">{t('addPhoto')}</Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}

interface CompleteValues {
  notes: string;
  labourHours: number;
  materials?: { name: string; quantity: number; unit: string; costYuan: number }[];
  checklist?: string[];
}

function CompleteForm({
  order,
  onComplete,
}: {
  order: WorkOrder;
  onComplete: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<CompleteValues>();
  const draft = useDraft(form, `complete-${order.id}`);
  const [items, setItems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Quota>(`/api/work-orders/standards/quotas/${encodeURIComponent(order.taskType)}`)
      .then(({ data }) => {
        const wanted = order.quotaVersion ?? data.inForceToday;
        setItems(data.versions.find((v) => v.version === wanted)?.quality.checklist ?? []);
      })
      .catch(() => setItems([]));
  }, [order.taskType, order.quotaVersion]);

  const submit = async (v: CompleteValues) => {
    setBusy(true);
    try {
      await onComplete({
        notes: v.notes,
        labourHours: v.labourHours,
        materials: (v.materials ?? []).map((m) => ({
          name: m.name,
          quantity: m.quantity,
          unit: m.unit,
          costFen: Math.round(m.costYuan * 100),
        })),
        checklist: items.map((item) => ({ item, passed: (v.checklist ?? []).includes(item) })),
        actedAt: new Date().toISOString(),
      });
      draft.clear();
    } catch (err) {
      form.setFields(fieldErrorsOf(err) as never);
      if (!(err instanceof ApiError) || err.errors.length === 0)
        form.setFields([{ name: 'notes', errors: [describe(err, t)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('complete')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={draft.save}
        initialValues={{ labourHours: order.standardHours, ...draft.initial }}
      >
        <Form.Item name="notes" label={t('notes')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="labourHours"
          label={t('labourHours')}
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>{t('materials')}</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('required') }]}>
                    <Input placeholder={t('materialName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('required') }]}>
                    <InputNumber placeholder={t('quantity')} min={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: t('required') }]}>
                    <Input placeholder={t('unit')} style={{ width: 64 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'costYuan']} rules={[{ required: true, message: t('required') }]}>
                    <InputNumber placeholder={t('costYuan')} min={0} step={0.01} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>−</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>{t('addMaterial')}</Button>
            </Space>
          )}
        </Form.List>
        {items.length > 0 && (
          <Form.Item name="checklist" label={t('checklist')} style={{ marginTop: 12 }}>
            <Checkbox.Group options={items} style={{ display: 'flex', flexDirection: 'column' }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('complete')}
        </Button>
      </Form>
    </Card>
  );
}

function VerifyForm({
  orderId,
  onVerify,
  onReject,
}: {
  orderId: string;
  onVerify: (body: Record<string, unknown>) => Promise<void>;
  onReject: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ rating: string; comment?: string; reason?: string }>();
  const draft = useDraft(form, `verify-${orderId}`);
  const report = (field: 'rating' | 'reason') => (err: unknown) =>
    form.setFields([{ name: field, errors: [describe(err, t)] }]);
  return (
    <Card size="small" title={t('verify')}>
      <Form form={form} layout="vertical" onValuesChange={draft.save} initialValues={draft.initial}>
        <Form.Item name="rating" label={t('rating')}>
          <Radio.Group
            optionType="button"
            options={['good', 'excellent', 'outstanding', 'perfect'].map((r) => ({
              value: r,
              label: t(`rating.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('comment')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            onClick={() => {
              const { rating, comment } = form.getFieldsValue();
              if (!rating) return form.setFields([{ name: 'rating', errors: [t('required')] }]);
              void onVerify({ rating, ...(comment && { comment }) })
                .then(draft.clear)
                .catch(report('rating'));
            }}
          >
            {t('verify')}
          </Button>
        </Space>
        <Form.Item name="reason" label={t('reason')} style={{ marginTop: 16 }}>
          <Input />
        </Form.Item>
        <Button
          danger
          onClick={() => {
            const { reason } = form.getFieldsValue();
            if (!reason) return form.setFields([{ name: 'reason', errors: [t('required')] }]);
            void onReject({ reason }).then(draft.clear).catch(report('reason'));
          }}
        >
          {t('reject')}
        </Button>
      </Form>
    </Card>
  );
}
