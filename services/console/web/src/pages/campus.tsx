import { Alert, Card, Descriptions, Drawer, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { TimeSeries } from '../chart';
import { useI18n } from '../i18n';
import { conditionColour, PlanDrawing, type PlanAsset, type Site } from '../plan-drawing';
import type { Page } from '../orders';

type Asset = PlanAsset & {
  status: string;
  criticality: number;
  lastCalibratedAt?: string;
};
interface Shortfall {
  id: string;
  assetId: string;
  kind: string;
  status: string;
  severity: string;
}

/** The campus plan: each compound's zones and buildings, every asset coloured by its condition; click one. */
export function CampusPage() {
  const { t } = useI18n();
  const [sites, setSites] = useState<Site[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Page<Site>>('/api/asset-inventory/sites?pageSize=100')
      .then(({ data }) => setSites(data.items))
      .catch(() => setError(t('serviceDown')));
  }, [t]);
  if (error) return <Alert type="error" showIcon message={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('campus')}</Typography.Title>
      <Space wrap>
        {[95, 75, 65, 40].map((i) => (
          <Tag key={i} color={conditionColour(i)}>
            {t(`condition.${i >= 85 ? 'good' : i >= 70 ? 'fair' : i >= 60 ? 'poor' : 'failing'}`)}
          </Tag>
        ))}
        <Tag color={conditionColour(undefined)}>{t('condition.unknown')}</Tag>
      </Space>
      {sites && sites.length === 0 && <Empty />}
      {sites && sites.length > 0 && (
        <Tabs items={sites.map((s) => ({ key: s.id, label: s.name, children: <SitePlan site={s} /> }))} />
      )}
    </Space>
  );
}

function SitePlan({ site }: { site: Site }) {
  const { t, language } = useI18n();
  const [assets, setAssets] = useState<Asset[]>([]);
  const [chosen, setChosen] = useState<Asset>();
  const [shortfalls, setShortfalls] = useState<Shortfall[]>([]);
  useEffect(() => {
    api<Page<Asset>>(`/api/asset-inventory/assets?siteId=${site.id}&pageSize=100`)
      .then(({ data }) => setAssets(data.items))
      .catch(() => setAssets([]));
  }, [site.id]);
  const [history, setHistory] = useState<{ at: string; value: number }[]>([]);
  const [readings, setReadings] = useState<{ unit?: string; points: { at: string; value: number }[] }>();
  useEffect(() => {
    if (!chosen) return;
    api<Page<Shortfall>>(`/api/asset-inventory/shortfalls?assetId=${chosen.code}&pageSize=20`)
      .then(({ data }) => setShortfalls(data.items))
      .catch(() => setShortfalls([]));
    api<{ series: { assessedAt: string; index: number }[] }>(
      `/api/asset-inventory/assets/${chosen.code}/condition`,
    )
      .then(({ data }) => setHistory(data.series.map((p) => ({ at: p.assessedAt, value: p.index }))))
      .catch(() => setHistory([]));
    setReadings(undefined);
    if (chosen.assetClass === 'monitoring-device')
      api<{ unit?: string; readings: { at: string; value: number }[] }>(
        `/api/asset-inventory/assets/${chosen.code}/readings?metric=nh3`,
      )
        .then(({ data }) => setReadings({ unit: data.unit, points: data.readings }))
        .catch(() => setReadings(undefined));
  }, [chosen]);
  return (
    <Card size="small">
      <PlanDrawing site={site} assets={assets} onPick={(a) => setChosen(a as Asset)} />
      <Drawer
        open={!!chosen}
        title={chosen ? `${chosen.code} ${chosen.name}` : ''}
        onClose={() => setChosen(undefined)}
        width={420}
      >
        {chosen && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('assetClass')}>{t(`class.${chosen.assetClass}`)}</Descriptions.Item>
              <Descriptions.Item label={t('condition')}>
                {chosen.condition ? (
                  <Tag color={conditionColour(chosen.condition.index)}>
                    {chosen.condition.index.toFixed(1)} {chosen.condition.grade ?? ''}
                  </Tag>
                ) : (
                  t('condition.unknown')
                )}
              </Descriptions.Item>
              {chosen.condition && (
                <Descriptions.Item label={t('assessedAt')}>
                  {new Date(chosen.condition.assessedAt).toLocaleString(language)}
                </Descriptions.Item>
              )}
              {chosen.lastCalibratedAt && (
                <Descriptions.Item label={t('lastCalibratedAt')}>
                  {new Date(chosen.lastCalibratedAt).toLocaleDateString(language)}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('criticality')}>{chosen.criticality}</Descriptions.Item>
            </Descriptions>
            {history.length > 0 && (
              <>
                <Typography.Text strong>{t('conditionHistory')}</Typography.Text>
                <TimeSeries points={history} testId="condition-chart" />
              </>
            )}
            {readings && readings.points.length > 0 && (
              <>
                <Typography.Text strong>{t('nh3Last24h')}</Typography.Text>
                <TimeSeries
                  points={readings.points}
                  unit={readings.unit}
                  limit={1.44}
                  testId="readings-chart"
                />
              </>
            )}
            <Typography.Text strong>{t('shortfalls')}</Typography.Text>
            {shortfalls.length === 0 ? (
              <Typography.Text type="secondary">{t('noShortfalls')}</Typography.Text>
            ) : (
              shortfalls.map((s) => (
                <Space key={s.id}>
                  <Tag color={s.status === 'open' ? 'red' : 'default'}>
                    {t(`shortfallStatus.${s.status}`)}
                  </Tag>
                  {t(`kind.${s.kind}`)}
                </Space>
              ))
            )}
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
