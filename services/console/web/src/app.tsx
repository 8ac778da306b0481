import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AlertsBell } from './alerts';
import { describe } from './api';
import { I18nProvider, useI18n } from './i18n';
import { flush } from './outbox';
import { MyOrdersPage } from './pages/my-orders';
import { OrderPage } from './pages/order';
import { QueuePage } from './pages/queue';
import { SignInPage } from './pages/sign-in';
import { hasRole, SessionProvider, useSession } from './session';

// The planners' and admins' pages (and the charts they carry) load when opened: a crew member's
// phone downloads only what the crew pages need.
const AccountsPage = lazy(() => import('./pages/accounts').then((m) => ({ default: m.AccountsPage })));
const BacklogPage = lazy(() => import('./pages/backlog').then((m) => ({ default: m.BacklogPage })));
const CampusPage = lazy(() => import('./pages/campus').then((m) => ({ default: m.CampusPage })));
const FinancePage = lazy(() => import('./pages/finance').then((m) => ({ default: m.FinancePage })));
const AssetsImportPage = lazy(() =>
  import('./pages/assets-import').then((m) => ({ default: m.AssetsImportPage })),
);
const ScorecardsPage = lazy(() => import('./pages/scorecards').then((m) => ({ default: m.ScorecardsPage })));
const PlansPage = lazy(() => import('./pages/plans').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./pages/plan').then((m) => ({ default: m.PlanPage })));

const CREW = ['crew-member', 'contractor'];
const SUPERVISION = ['supervisor', 'department-head', 'admin'];
const PLANNING = ['asset-manager', 'department-head', 'finance', 'leadership', 'admin'];
const FINANCE = ['finance', 'department-head', 'leadership', 'admin'];
const ASSET_IMPORT = ['asset-manager', 'admin'];
const SCORECARDS = [...SUPERVISION, ...CREW];

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <SessionProvider>
          <BrowserRouter>
            <Shell />
          </BrowserRouter>
        </SessionProvider>
      </Themed>
    </I18nProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f6f5c' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const { me, signOut } = useSession();
  // Moves a crew member made offline are sent as soon as the app opens signed in with signal, when
  // signal returns, and when they sign in again after their session ended.
  // A move the server refuses on arrival is dropped and said so, whichever page is open.
  const signedIn = Boolean(me);
  const { message } = AntApp.useApp();
  const { t, language, setLanguage } = useI18n();
  useEffect(() => {
    if (!signedIn) return;
    const send = () =>
      void flush().then((refused) => {
        for (const r of refused)
          void message.error({ content: `${t('queuedRefused')}：${describe(r.error, t)}`, duration: 10 });
      });
    send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [signedIn, message, t]);
  const location = useLocation();
  const navigate = useNavigate();
  if (me === undefined) return <Spin fullscreen />;
  if (me === null && location.pathname !== '/sign-in')
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;

  const items = [
    ...(hasRole(me, ...CREW)
      ? [{ key: '/my-orders', label: <Link to="/my-orders">{t('myOrders')}</Link> }]
      : []),
    ...(hasRole(me, ...SUPERVISION) ? [{ key: '/queue', label: <Link to="/queue">{t('queue')}</Link> }] : []),
    ...(hasRole(me, ...PLANNING)
      ? [
          { key: '/campus', label: <Link to="/campus">{t('campus')}</Link> },
          { key: '/backlog', label: <Link to="/backlog">{t('backlog')}</Link> },
          { key: '/plans', label: <Link to="/plans">{t('plans.title')}</Link> },
        ]
      : []),
    ...(hasRole(me, ...FINANCE)
      ? [{ key: '/finance', label: <Link to="/finance">{t('finance')}</Link> }]
      : []),
    ...(hasRole(me, ...ASSET_IMPORT)
      ? [{ key: '/assets/import', label: <Link to="/assets/import">{t('import.menu')}</Link> }]
      : []),
    ...(hasRole(me, ...SCORECARDS)
      ? [{ key: '/scorecards', label: <Link to="/scorecards">{t('scorecards.menu')}</Link> }]
      : []),
    ...(hasRole(me, 'admin')
      ? [
          { key: '/accounts', label: <Link to="/accounts">{t('accounts')}</Link> },
          // The job queues board is the server's own page (bull-board), not one of these.
          {
            key: '/admin/queues',
            label: (
              <a href="/admin/queues" target="_blank" rel="noopener">
                {t('queuesBoard')}
              </a>
            ),
          },
        ]
      : []),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('appName')}
        </Typography.Text>
        {me && (
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[location.pathname]}
            items={items}
            style={{ flex: 1, minWidth: 0 }}
          />
        )}
        <Space style={{ marginLeft: 'auto' }}>
          {me && <AlertsBell />}
          <Button size="small" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
            {t('language')}
          </Button>
          {me && (
            <Button size="small" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
              {t('signOut')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route
              path="/sign-in"
              element={
                // Signed in: on to the page they were sent here from (an ended session), else home.
                me ? (
                  <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />
                ) : (
                  <SignInPage />
                )
              }
            />
            <Route path="/" element={<Home />} />
            <Route
              path="/my-orders"
              element={
                <Allowed roles={CREW}>
                  <MyOrdersPage />
                </Allowed>
              }
            />
            <Route path="/orders/:id" element={<OrderPage />} />
            <Route
              path="/queue"
              element={
                <Allowed roles={SUPERVISION}>
                  <QueuePage />
                </Allowed>
              }
            />
            <Route
              path="/accounts"
              element={
                <Allowed roles={['admin']}>
                  <AccountsPage />
                </Allowed>
              }
            />
            <Route
              path="/campus"
              element={
                <Allowed roles={PLANNING}>
                  <CampusPage />
                </Allowed>
              }
            />
            <Route
              path="/backlog"
              element={
                <Allowed roles={PLANNING}>
                  <BacklogPage />
                </Allowed>
              }
            />
            <Route
              path="/plans"
              element={
                <Allowed roles={PLANNING}>
                  <PlansPage />
                </Allowed>
              }
            />
            <Route
              path="/plans/:id"
              element={
                <Allowed roles={PLANNING}>
                  <PlanPage />
                </Allowed>
              }
            />
            <Route
              path="/finance"
              element={
                <Allowed roles={FINANCE}>
                  <FinancePage />
                </Allowed>
              }
            />
            <Route
              path="/assets/import"
              element={
                <Allowed roles={ASSET_IMPORT}>
                  <AssetsImportPage />
                </Allowed>
              }
            />
            <Route
              path="/scorecards"
              element={
                <Allowed roles={SCORECARDS}>
                  <ScorecardsPage />
                </Allowed>
              }
            />
            <Route path="*" element={<Result status="404" title={t('notFound')} />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

/** Where each role starts. */
function Home() {
  const { me } = useSession();
  const { t } = useI18n();
  if (hasRole(me, ...CREW)) return <Navigate to="/my-orders" replace />;
  if (hasRole(me, ...SUPERVISION)) return <Navigate to="/queue" replace />;
  if (hasRole(me, 'asset-manager')) return <Navigate to="/campus" replace />;
  if (hasRole(me, 'finance')) return <Navigate to="/finance" replace />;
  return <Result status="info" title={t('welcome', { name: me?.name ?? '' })} />;
}

/** A page for some roles: anyone else is told so, not shown an empty page. */
function Allowed({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { me } = useSession();
  const { t } = useI18n();
  return hasRole(me, ...roles) ? (
    <>{children}</>
  ) : (
    <Result status="403" title="403" subTitle={t('forbidden')} />
  );
}
