import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function SignInPage() {
  const { signIn, ended } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.username, values.password);
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429)
        setError(t('tooManyAttempts', { seconds: err.retryAfterSeconds ?? 1 }));
      else if (err instanceof ApiError && err.status === 401) setError(t('wrongCredentials'));
      else setError(t('serviceDown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('signIn')} style={{ maxWidth: 380, margin: '48px auto' }}>
      {ended && !error && (
        <Alert type="warning" showIcon message={t('sessionEnded')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="username" autoCapitalize="none" />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn')}
        </Button>
      </Form>
    </Card>
  );
}
