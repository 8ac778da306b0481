import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { isLate, ORDERS, PRIORITY_COLOURS, when, type Page, type WorkOrder } from '../orders';

/** A crew member's (or contractor's) own orders, soonest due first: made for a phone. */
export function MyOrdersPage() {
  const { t, language } = useI18n();
  const [orders, setOrders] = useState<WorkOrder[]>();
  const [error, setError] = useState<string>();
  const [offline, setOffline] = useState(!navigator.onLine);

  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    api<Page<WorkOrder>>(`${ORDERS}?pageSize=100`)
      .then(({ data }) => setOrders(data.items.filter((o) => !['verified', 'cancelled'].includes(o.state))))
      .catch((err: unknown) =>
        setError(err instanceof ApiError && err.status === 403 ? t('forbidden') : t('serviceDown')),
      );
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [t]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('myOrders')}</Typography.Title>
      {offline && <Alert type="warning" showIcon message={t('offline')} />}
      {error && <Alert type="error" showIcon message={error} />}
      <List
        loading={!orders && !error}
        dataSource={orders ?? []}
        locale={{ emptyText: <Empty description={t('noOrders')} /> }}
        renderItem={(o) => (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Link to={`/orders/${o.id}`} style={{ width: '100%' }} data-testid={`order-${o.id}`}>
              <Card size="small" hoverable>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color={PRIORITY_COLOURS[o.priority]}>{o.priority}</Tag>
                    <Tag>{t(`state.${o.state}`)}</Tag>
                    {isLate(o) && <Tag color="red">{t('late')}</Tag>}
                  </Space>
                  <Typography.Text strong>{o.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {o.assetId} · {t('due')} {when(o.due.resolveBy, language)}
                  </Typography.Text>
                </Space>
              </Card>
            </Link>
          </List.Item>
        )}
      />
    </Space>
  );
}
