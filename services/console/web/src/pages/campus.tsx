import { Alert, Card, Descriptions, Drawer, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { TimeSeries } from '../chart';
import { useI18n } from '../i18n';
import type { Page } from '../orders';

interface Point {
  x: number;
  y: number;
}
interface Site {
  id: string;
  name: string;
  plan: { widthM: number; heightM: number };
  zones: { zoneId: string; code: string; name: string; outline: Point[] }[];
  buildings: { buildingId: string; code: string; name: string; location: Point }[];
}
interface Asset {
  code: string;
  name: string;
  assetClass: 'road-segment' | 'restroom' | 'monitoring-device';
  location: Point;
  status: string;
  criticality: number;
  condition?: { index: number; grade?: string; action?: string; assessedAt: string };
  lastCalibratedAt?: string;
}
interface Shortfall {
  id: string;
  assetId: string;
  kind: string;
  status: string;
  severity: string;
}

/** Condition index → colour: sound green, fair gold, poor orange, failing red, unknown grey. */
export function conditionColour(index: number | undefined): string {
  if (index === undefined) return '#8c8c8c';
  if (index >= 85) return '#389e0d';
  if (index >= 70) return '#d4b106';
  if (index >= 60) return '#fa8c16';
  return '#cf1322';
}

const SHAPES: Record<Asset['assetClass'], (a: Asset, colour: string) => React.ReactNode> = {
  'road-segment': (a, c) => (
    <rect x={a.location.x - 9} y={a.location.y - 3} width={18} height={6} rx={2} fill={c} />
  ),
  restroom: (a, c) => <rect x={a.location.x - 4} y={a.location.y - 4} width={8} height={8} fill={c} />,
  'monitoring-device': (a, c) => <circle cx={a.location.x} cy={a.location.y} r={3} fill={c} />,
};

/** Roads under restrooms under devices: the smallest drawn last, so each can be clicked. */
const LAYER: Record<Asset['assetClass'], number> = { 'road-segment': 0, restroom: 1, 'monitoring-device': 2 };

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
  const { widthM, heightM } = site.plan;
  return (
    <Card size="small">
      <svg
        viewBox={`0 0 ${widthM} ${heightM}`}
        style={{ width: '100%', maxHeight: 560, background: '#fafafa', border: '1px solid #eee' }}
        role="img"
        aria-label={site.name}
      >
        {site.zones.map((z) => (
          <g key={z.zoneId}>
            <polygon
              points={z.outline.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="#e6f4ff"
              stroke="#91caff"
              strokeWidth={1}
            />
            <text x={z.outline[0].x + 4} y={z.outline[0].y + 12} fontSize={10} fill="#1677ff">
              {z.name}
            </text>
          </g>
        ))}
        {site.buildings.map((b) => (
          <g key={b.buildingId}>
            <rect
              x={b.location.x - 20}
              y={b.location.y - 12}
              width={40}
              height={24}
              fill="#fff"
              stroke="#bfbfbf"
            />
            <text x={b.location.x} y={b.location.y - 15} fontSize={8} textAnchor="middle" fill="#595959">
              {b.name}
            </text>
          </g>
        ))}
        {[...assets]
          .sort((a, b) => LAYER[a.assetClass] - LAYER[b.assetClass])
          .map((a) => (
            <g
              key={a.code}
              data-testid={`asset-${a.code}`}
              onClick={() => setChosen(a)}
              style={{ cursor: 'pointer' }}
            >
              <title>{`${a.code} ${a.name}`}</title>
              {SHAPES[a.assetClass](a, conditionColour(a.condition?.index))}
            </g>
          ))}
      </svg>
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
