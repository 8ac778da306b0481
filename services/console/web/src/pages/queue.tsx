import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { useI18n } from '../i18n';
import { isDueToday, isLate, ORDERS, PRIORITY_COLOURS, when, type Page, type WorkOrder } from '../orders';

type View = 'open' | 'dueToday' | 'late' | 'escalated' | 'completed';

/** A supervisor's queue and SLA board: their department's orders, soonest due first. */
export function QueuePage() {
  const { t, language } = useI18n();
  const [orders, setOrders] = useState<WorkOrder[]>();
  const [error, setError] = useState<string>();
  const [view, setView] = useState<View>('open');

  useEffect(() => {
    api<Page<WorkOrder>>(`${ORDERS}?pageSize=100`)
      .then(({ data }) => setOrders(data.items))
      .catch(() => setError(t('serviceDown')));
  }, [t]);

  const shown = useMemo(() => {
    const open = (orders ?? []).filter((o) => !['verified', 'cancelled'].includes(o.state));
    switch (view) {
      case 'dueToday':
        return open.filter((o) => isDueToday(o));
      case 'late':
        return open.filter((o) => isLate(o));
      case 'escalated':
        return open.filter((o) => o.escalations.length > 0);
      case 'completed':
        return open.filter((o) => o.state === 'completed');
      default:
        return open;
    }
  }, [orders, view]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('queue')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'open', label: t('all') },
          { value: 'dueToday', label: t('dueToday') },
          { value: 'late', label: t('late') },
          { value: 'escalated', label: t('escalated') },
          { value: 'completed', label: t('state.completed') },
        ]}
      />
      <Table<WorkOrder>
        rowKey="id"
        size="small"
        loading={!orders && !error}
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('title'),
            dataIndex: 'title',
            render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link>,
          },
          {
            title: t('priority'),
            dataIndex: 'priority',
            render: (p: string) => <Tag color={PRIORITY_COLOURS[p]}>{p}</Tag>,
          },
          { title: t('state'), dataIndex: 'state', render: (s: string) => t(`state.${s}`) },
          { title: t('asset'), dataIndex: 'assetId' },
          {
            title: t('assignee'),
            render: (_, o) => (o.assignee ? `${t(o.assignee.kind)} ${o.assignee.id}` : '—'),
          },
          {
            title: t('due'),
            render: (_, o) => (
              <Space>
                {when(o.due.resolveBy, language)}
                {isLate(o) && <Tag color="red">{t('late')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
