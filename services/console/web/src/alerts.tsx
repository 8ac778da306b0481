import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { yuan } from './api';
import { useI18n, type Translate } from './i18n';
import { when } from './orders';

interface Alert {
  id: string;
  kind: 'escalation' | 'budget-threshold' | 'device-offline' | 'device-online';
  severity: 'info' | 'warning' | 'error';
  at: string;
  subject: string;
  details: Record<string, string | number | boolean>;
  link?: string;
}

const COLOURS = { info: 'blue', warning: 'orange', error: 'red' } as const;

function describe(a: Alert, t: Translate): string {
  switch (a.kind) {
    case 'escalation':
      return t('alert.escalation', { order: a.subject, notify: t(`notify.${a.details['notify']}`) });
    case 'budget-threshold':
      return t('alert.budget', {
        envelope: t(`envelope.${a.details['envelope']}`),
        pct: a.details['thresholdPct'] as number,
        committed: yuan(a.details['committedFen'] as number),
      });
    case 'device-offline':
      return t('alert.offline', { device: a.subject });
    case 'device-online':
      return t('alert.online', { device: a.subject });
  }
}

/** The live alerts feed: a bell with what came in, each new alert shown as it arrives. */
export function AlertsBell() {
  const { t, language } = useI18n();
  const { notification } = App.useApp();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [unseen, setUnseen] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const source = new EventSource('/alerts/stream');
    let initial = true;
    const settle = setTimeout(() => (initial = false), 1_500);
    source.addEventListener('alert', (e) => {
      const alert = JSON.parse((e as MessageEvent<string>).data) as Alert;
      setAlerts((list) => (list.some((a) => a.id === alert.id) ? list : [alert, ...list].slice(0, 50)));
      if (initial) return; // what happened before the page opened is in the list, not a pop-up
      setUnseen((n) => n + 1);
      notification.open({
        message: <span data-testid="alert-toast">{describe(alert, t)}</span>,
        description: when(alert.at, language),
        type: alert.severity,
        placement: 'bottomRight',
      });
    });
    return () => {
      clearTimeout(settle);
      source.close();
    };
  }, [t, language, notification]);

  return (
    <>
      <Badge count={unseen} size="small">
        <Button
          size="small"
          icon={<BellOutlined />}
          aria-label={t('alerts')}
          onClick={() => {
            setOpen(true);
            setUnseen(0);
          }}
        />
      </Badge>
      <Drawer title={t('alerts')} open={open} onClose={() => setOpen(false)} width={360}>
        <List
          dataSource={alerts}
          locale={{ emptyText: t('noAlerts') }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <>
                    <Tag color={COLOURS[a.severity]}>{t(`alertKind.${a.kind}`)}</Tag>
                    {a.link ? (
                      <Link to={a.link} onClick={() => setOpen(false)}>
                        {describe(a, t)}
                      </Link>
                    ) : (
                      describe(a, t)
                    )}
                  </>
                }
                description={<Typography.Text type="secondary">{when(a.at, language)}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
