import {
  Alert,
  Button,
  Card,
  Collapse,
  Form,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, describe, fieldErrorsOf } from '../api';
import { useDraft } from '../draft';
import { useI18n } from '../i18n';
import type { Page, WorkOrder } from '../orders';
import { hasRole, useSession } from '../session';

interface Ranked {
  rank: number;
  kind: 'crew' | 'contractor';
  id: string;
  name: string;
  score: number;
  factors: { zone: number; capacity: number; onTime: number };
  availableHours: number;
  spareHours: number;
  fits: boolean;
  reasons: string[];
}
interface Suggestion {
  provisional: boolean;
  ranked: Ranked[];
  excluded: { kind: string; id: string; name: string; reasons: string[] }[];
}

/**
 * The trade an order most likely needs, from its task type or its asset's code; a starting point
 * the supervisor changes when it is wrong.
 */
export function likelyTrade(order: Pick<WorkOrder, 'taskType' | 'assetId'>): string {
  const text = `${order.taskType} ${order.assetId}`.toLowerCase();
  if (/device|sensor|calibrat|-dv-/.test(text)) return 'devices';
  if (/restroom|fixture|odour|toilet|-rr-/.test(text)) return 'restrooms';
  if (/clean/.test(text)) return 'cleaning';
  if (/electric|light/.test(text)) return 'electrical';
  if (/plumb|drain|water/.test(text)) return 'plumbing';
  return 'roads';
}

/**
 * Assignment to a crew, contractor or person, with the crews and contractors work-orders suggests
 * for the order's trade and zone (zone, spare hours before it is due, on-time record) and why.
 */
export function AssignForm({
  order,
  onAssign,
}: {
  order: WorkOrder;
  onAssign: (body: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const [form] = Form.useForm<{ kind: string; id: string }>();
  const draft = useDraft(form, `assign-${order.id}`);
  const kind = Form.useWatch('kind', form) ?? 'crew';
  const [directory, setDirectory] = useState<Record<string, { value: string; label: string }[]>>({});
  const [trades, setTrades] = useState<{ value: string; label: string }[]>([]);
  const [trade, setTrade] = useState(() => likelyTrade(order));
  const [suggestion, setSuggestion] = useState<Suggestion | null>();
  const supervising = hasRole(me, 'supervisor', 'admin');

  useEffect(() => {
    for (const [k, path] of [
      ['crew', 'crews'],
      ['contractor', 'contractors'],
      ['person', 'people'],
    ] as const)
      api<Page<{ id: string; name: string }>>(`/api/work-orders/directory/${path}?pageSize=100`)
        .then(({ data }) =>
          setDirectory((d) => ({
            ...d,
            [k]: data.items.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` })),
          })),
        )
        .catch(() => undefined);
    api<{ trades: { id: string; name: string }[] }>('/api/work-orders/directory/reference-data')
      .then(({ data }) => setTrades(data.trades.map((x) => ({ value: x.id, label: `${x.name} (${x.id})` }))))
      .catch(() => setTrades([]));
  }, []);

  useEffect(() => {
    if (!supervising || !order.zoneId) return setSuggestion(null);
    const query = new URLSearchParams({
      trade,
      zoneId: order.zoneId,
      standardHours: String(Math.max(order.standardHours, 0.1)),
      due: order.due.resolveBy,
    });
    setSuggestion(undefined);
    api<Suggestion>(`/api/work-orders/directory/suggestions?${query.toString()}`)
      .then(({ data }) => setSuggestion(data))
      .catch(() => setSuggestion(null));
  }, [supervising, order.zoneId, order.standardHours, order.due.resolveBy, trade]);

  const send = (v: { kind: string; id: string }) =>
    void onAssign({ assignee: { kind: v.kind, id: v.id } })
      .then(() => draft.clear())
      .catch((err: unknown) => {
        const fields = fieldErrorsOf(err).map((f) => ({ ...f, name: [String(f.name.at(-1))] }));
        form.setFields(fields.length ? (fields as never) : [{ name: 'id', errors: [describe(err, t)] }]);
      });

  return (
    <Card size="small" title={t('assign')}>
      {supervising && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Space wrap>
            <Typography.Text>{t('assign.trade')}</Typography.Text>
            <Select value={trade} onChange={setTrade} options={trades} style={{ minWidth: 180 }} />
          </Space>
          {!order.zoneId && <Alert type="info" showIcon message={t('assign.noZone')} />}
          {suggestion?.provisional && <Alert type="info" showIcon message={t('assign.provisional')} />}
          {suggestion && (
            <List<Ranked>
              size="small"
              bordered
              data-testid="suggestions"
              loading={suggestion === undefined}
              dataSource={suggestion.ranked.slice(0, 3)}
              locale={{ emptyText: t('assign.noneFit') }}
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <Button
                      key="use"
                      size="small"
                      onClick={() => form.setFieldsValue({ kind: r.kind, id: r.id })}
                    >
                      {t('assign.choose')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {r.rank === 1 && <Tag color="green">{t('assign.suggested')}</Tag>}
                        {`${r.name} (${t(r.kind)})`}
                        <Tag>{t('assign.score', { score: r.score.toFixed(0) })}</Tag>
                        {!r.fits && <Tag color="orange">{t('assign.overloaded')}</Tag>}
                      </Space>
                    }
                    description={
                      // In the person's language from the figures; the service's own words on hover.
                      <Tooltip title={r.reasons.join('; ')}>
                        <span>
                          {t(
                            r.factors.zone >= 1
                              ? 'assign.servesZone'
                              : r.factors.zone > 0
                                ? 'assign.sameSite'
                                : 'assign.otherSite',
                            { zone: order.zoneId ?? '' },
                          )}
                          {'；'}
                          {t('assign.hours', {
                            spare: r.spareHours.toFixed(1),
                            available: r.availableHours.toFixed(1),
                          })}
                          {'；'}
                          {t('assign.onTime', { percent: Math.round(r.factors.onTime * 100) })}
                        </span>
                      </Tooltip>
                    }
                  />
                </List.Item>
              )}
            />
          )}
          {suggestion && suggestion.excluded.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'excluded',
                  label: t('assign.excluded', { n: suggestion.excluded.length }),
                  children: suggestion.excluded.map((e) => (
                    <div key={`${e.kind}-${e.id}`}>
                      {e.name}: {e.reasons.join('；')}
                    </div>
                  )),
                },
              ]}
            />
          )}
        </Space>
      )}
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'crew', ...draft.initial }}
        onValuesChange={draft.save}
        onFinish={send}
      >
        <Form.Item name="kind">
          <Radio.Group
            options={['crew', 'contractor', 'person'].map((k) => ({ value: k, label: t(k) }))}
            optionType="button"
            onChange={() => form.setFieldsValue({ id: undefined })}
          />
        </Form.Item>
        <Form.Item name="id" rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            options={directory[kind] ?? []}
            style={{ minWidth: 220 }}
            placeholder={t('assignTo')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('assign')}
        </Button>
      </Form>
    </Card>
  );
}
