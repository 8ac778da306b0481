import { Card } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from './api';

export interface Point {
  x: number;
  y: number;
}
export interface Site {
  id: string;
  name: string;
  plan: { widthM: number; heightM: number };
  zones: { zoneId: string; code: string; name: string; outline: Point[] }[];
  buildings: { buildingId: string; code: string; name: string; location: Point }[];
}
export interface PlanAsset {
  code: string;
  name: string;
  siteId?: string;
  assetClass: 'road-segment' | 'restroom' | 'monitoring-device';
  location: Point;
  condition?: { index: number; grade?: string; action?: string; assessedAt: string };
}

/** Condition index → colour: sound green, fair gold, poor orange, failing red, unknown grey. */
export function conditionColour(index: number | undefined): string {
  if (index === undefined) return '#8c8c8c';
  if (index >= 85) return '#389e0d';
  if (index >= 70) return '#d4b106';
  if (index >= 60) return '#fa8c16';
  return '#cf1322';
}

const SHAPES: Record<PlanAsset['assetClass'], (a: PlanAsset, colour: string) => ReactNode> = {
  'road-segment': (a, c) => (
    <rect x={a.location.x - 9} y={a.location.y - 3} width={18} height={6} rx={2} fill={c} />
  ),
  restroom: (a, c) => <rect x={a.location.x - 4} y={a.location.y - 4} width={8} height={8} fill={c} />,
  'monitoring-device': (a, c) => <circle cx={a.location.x} cy={a.location.y} r={3} fill={c} />,
};

/** Roads under restrooms under devices: the smallest drawn last, so each can be clicked. */
const LAYER: Record<PlanAsset['assetClass'], number> = {
  'road-segment': 0,
  restroom: 1,
  'monitoring-device': 2,
};

/**
 * A compound drawn from its site plan (metres): zones, buildings and assets coloured by condition.
 * `highlight` rings one asset (where a crew's order is); `onPick` makes the assets clickable.
 */
export function PlanDrawing({
  site,
  assets,
  highlight,
  onPick,
  maxHeight = 560,
}: {
  site: Site;
  assets: PlanAsset[];
  highlight?: string;
  onPick?: (asset: PlanAsset) => void;
  maxHeight?: number;
}) {
  const { widthM, heightM } = site.plan;
  const marked = assets.find((a) => a.code === highlight);
  return (
    <svg
      viewBox={`0 0 ${widthM} ${heightM}`}
      style={{ width: '100%', maxHeight, background: '#fafafa', border: '1px solid #eee' }}
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
            onClick={onPick && (() => onPick(a))}
            style={onPick && { cursor: 'pointer' }}
          >
            <title>{`${a.code} ${a.name}`}</title>
            {SHAPES[a.assetClass](a, conditionColour(a.condition?.index))}
          </g>
        ))}
      {marked && (
        <circle
          data-testid="asset-marker"
          cx={marked.location.x}
          cy={marked.location.y}
          r={14}
          fill="none"
          stroke="#cf1322"
          strokeWidth={2.5}
        />
      )}
    </svg>
  );
}

/** Where an asset is: its compound's plan with the asset ringed (nothing when it cannot be read). */
export function AssetOnPlan({ assetId, title }: { assetId: string; title: string }) {
  const [found, setFound] = useState<{ site: Site; asset: PlanAsset } | null>(null);
  useEffect(() => {
    let live = true;
    api<PlanAsset & { siteId: string }>(`/api/asset-inventory/assets/${encodeURIComponent(assetId)}`)
      .then(async ({ data: asset }) => {
        const { data: site } = await api<Site>(
          `/api/asset-inventory/sites/${encodeURIComponent(asset.siteId)}`,
        );
        if (live) setFound({ site, asset });
      })
      .catch(() => live && setFound(null));
    return () => {
      live = false;
    };
  }, [assetId]);
  if (!found) return null;
  return (
    <Card size="small" title={`${title}：${found.site.name}`} data-testid="asset-on-plan">
      <PlanDrawing site={found.site} assets={[found.asset]} highlight={assetId} maxHeight={280} />
    </Card>
  );
}
