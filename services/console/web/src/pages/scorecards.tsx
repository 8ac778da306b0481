import { Alert, Card, Result, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { PercentBars } from '../chart';
import { useI18n } from '../i18n';
import type { Page } from '../orders';
import { hasRole, useSession, type Me } from '../session';

type Kind = 'crew' | 'contractor' | 'department';
const KINDS: readonly Kind[] = ['crew', 'contractor', 'department'];

/** What work-orders answers for GET /scorecards (its ScorecardsView). */
interface Scorecard {
  kind: Kind;
  id: string;
  ordersClosed: number;
  standardHoursEarned: number;
  hoursLogged: number;
  onTime: number;
  onTimeRate: number;
  averageRating: number | null;
  ratings: { good: number; excellent: number; outstanding: number; perfect: number };
  reopened: number;
  reopenRate: number;
}
interface Scorecards {
  month: string;
  kind: Kind;
  timeZone: string;
  items: Scorecard[];
}

/** The bureau's months are Beijing time (work-orders counts them in Asia/Shanghai). */
const TIME_ZONE = 'Asia/Shanghai';
const MONTHS_BACK = 36;

function thisMonth(now = new Date()): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return { year: Number(parts['year']), month: Number(parts['month']) };
}

/** This month and the ones before it, newest first, as YYYY-MM. */
function recentMonths(): string[] {
  const { year, month } = thisMonth();
  return Array.from({ length: MONTHS_BACK }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * The kinds of card the person may read, as work-orders decides (scorecardReach): everything for
 * admins (and those who see every order); every kind for supervisors and heads of a department
 * (their department's orders); their own crew's cards for crew members, their company's for
 * contractors.
 */
export function kindsFor(me: Me | null | undefined): Kind[] {
  if (!me) return [];
  if (hasRole(me, 'admin', 'asset-manager', 'finance', 'leadership')) return [...KINDS];
  if (me.department && hasRole(me, 'supervisor', 'department-head')) return [...KINDS];
  return KINDS.filter(
    (k) =>
      (k === 'crew' && !!me.crew && hasRole(me, 'crew-member')) ||
      (k === 'contractor' && !!me.contractor && hasRole(me, 'contractor')),
  );
}

const DIRECTORY: Record<Kind, string> = {
  crew: '/api/work-orders/directory/crews',
  contractor: '/api/work-orders/directory/contractors',
  department: '/api/work-orders/directory/departments',
};

/** Every entry's name by id, a hundred a page; undefined when the directory cannot be read. */
async function namesOf(kind: Kind): Promise<Map<string, string> | undefined> {
  const names = new Map<string, string>();
  try {
    for (let page = 1; page <= 20; page++) {
      const { data } = await api<Page<{ id: string; name: string }>>(
        `${DIRECTORY[kind]}?pageSize=100&page=${page}`,
      );
      for (const entry of data.items) names.set(entry.id, entry.name);
      if (data.items.length === 0 || page * data.pageSize >= data.total) break;
    }
    return names;
  } catch {
    return undefined;
  }
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
const hours = (h: number) => h.toFixed(2);

/** Workload credit (多劳多得): a month's scorecards per crew, contractor or department. */
export function ScorecardsPage() {
  const { t, language } = useI18n();
  const { me } = useSession();
  const kinds = useMemo(() => kindsFor(me), [me]);
  const months = useMemo(recentMonths, []);
  const [month, setMonth] = useState(months[0]);
  const [kind, setKind] = useState<Kind | undefined>(kinds[0]);
  const [cards, setCards] = useState<Scorecards>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ title: string; detail?: string }>();
  const [names, setNames] = useState<Partial<Record<Kind, Map<string, string> | null>>>({});

  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(language === 'en' ? 'en' : 'zh-CN', {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));

  useEffect(() => {
    if (!kind) return;
    let current = true;
    setLoading(true);
    setError(undefined);
    api<Scorecards>(`/api/work-orders/scorecards?month=${month}&kind=${kind}`)
      .then(({ data }) => {
        if (current) setCards(data);
      })
      .catch((err: unknown) => {
        if (!current) return;
        setCards(undefined);
        setError(
          err instanceof ApiError && err.status === 403
            ? { title: t('scorecards.forbidden'), detail: err.message }
            : { title: t('serviceDown') },
        );
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [month, kind, t]);

  // Names from the directory, once per kind; null when it cannot be read (the cards show ids).
  const asked = useRef(new Set<Kind>());
  useEffect(() => {
    if (!kind || asked.current.has(kind)) return;
    asked.current.add(kind);
    void namesOf(kind).then((found) => setNames((all) => ({ ...all, [kind]: found ?? null })));
  }, [kind]);

  if (kinds.length === 0 || !kind)
    return <Result status="info" title={t('scorecards.title')} subTitle={t('scorecards.nothingToRead')} />;

  const known = names[kind];
  const nameOf = (id: string) => known?.get(id) ?? id;
  const items = cards?.kind === kind && cards.month === month ? cards.items : [];
  const rating = (key: keyof Scorecard['ratings']) => ({
    title: t(`rating.${key}`),
    key: `rating-${key}`,
    align: 'right' as const,
    sorter: (a: Scorecard, b: Scorecard) => a.ratings[key] - b.ratings[key],
    render: (_: unknown, c: Scorecard) => c.ratings[key],
  });
  const columns: TableColumnsType<Scorecard> = [
    {
      title: t(`scorecards.kind.${kind}`),
      key: 'name',
      fixed: 'left',
      sorter: (a, b) => nameOf(a.id).localeCompare(nameOf(b.id), 'zh-CN'),
      render: (_, c) =>
        known?.has(c.id) ? (
          <Tooltip title={c.id}>
            <span>{nameOf(c.id)}</span>
          </Tooltip>
        ) : (
          c.id
        ),
    },
    {
      title: t('scorecards.ordersClosed'),
      dataIndex: 'ordersClosed',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.ordersClosed - b.ordersClosed,
    },
    {
      title: t('scorecards.standardHoursEarned'),
      dataIndex: 'standardHoursEarned',
      align: 'right',
      sorter: (a, b) => a.standardHoursEarned - b.standardHoursEarned,
      render: hours,
    },
    {
      title: t('scorecards.hoursLogged'),
      dataIndex: 'hoursLogged',
      align: 'right',
      sorter: (a, b) => a.hoursLogged - b.hoursLogged,
      render: hours,
    },
    {
      title: t('scorecards.onTimeRate'),
      dataIndex: 'onTimeRate',
      align: 'right',
      sorter: (a, b) => a.onTimeRate - b.onTimeRate,
      render: (rate: number, c) => (
        <Tooltip title={`${c.onTime} / ${c.ordersClosed}`}>
          <span>{percent(rate)}</span>
        </Tooltip>
      ),
    },
    {
      title: <Tooltip title={t('scorecards.averageRatingHint')}>{t('scorecards.averageRating')}</Tooltip>,
      dataIndex: 'averageRating',
      align: 'right',
      sorter: (a, b) => (a.averageRating ?? 0) - (b.averageRating ?? 0),
      render: (r: number | null) => (r === null ? '—' : r.toFixed(2)),
    },
    {
      title: t('scorecards.ratings'),
      children: [rating('good'), rating('excellent'), rating('outstanding'), rating('perfect')],
    },
    {
      title: t('scorecards.reopenRate'),
      dataIndex: 'reopenRate',
      align: 'right',
      sorter: (a, b) => a.reopenRate - b.reopenRate,
      render: (rate: number, c) => (
        <Tooltip title={`${c.reopened} / ${c.ordersClosed}`}>
          <span>{percent(rate)}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('scorecards.title')}</Typography.Title>
      <Space wrap>
        <Typography.Text>{t('scorecards.month')}</Typography.Text>
        <Select
          data-testid="scorecards-month"
          aria-label={t('scorecards.month')}
          value={month}
          onChange={setMonth}
          style={{ width: 160 }}
          options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
        />
        <Typography.Text>{t('scorecards.kind')}</Typography.Text>
        <Segmented<Kind>
          data-testid="scorecards-kind"
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: t(`scorecards.kind.${k}`) }))}
        />
      </Space>
      <Typography.Text type="secondary" data-testid="scorecards-period">
        {t('scorecards.period', { month: monthLabel(month) })}
      </Typography.Text>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.title}
          description={error.detail}
          data-testid="scorecards-error"
        />
      )}
      {known === null && <Alert type="info" showIcon title={t('scorecards.idsOnly')} />}
      {!error && (
        <div data-testid="scorecards-table">
          <Table<Scorecard>
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            dataSource={items}
            columns={columns}
            pagination={items.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: t('scorecards.empty') }}
            scroll={{ x: 1000 }}
          />
        </div>
      )}
      {!error && items.length > 0 && (
        <Card size="small" title={t('scorecards.chart')}>
          <PercentBars
            testId="scorecards-chart"
            bars={items.map((c) => ({ name: nameOf(c.id), value: Math.round(c.onTimeRate * 1000) / 10 }))}
          />
        </Card>
      )}
    </Space>
  );
}
