import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, describe, fieldErrorsOf } from '../api';
import { useI18n } from '../i18n';
import type { Page } from '../orders';

interface Account {
  id: string;
  name: string;
  roles: string[];
  department?: string;
  crew?: string;
  contractor?: string;
  active: boolean;
  version: number;
}

const ROLES = [
  'crew-member',
  'contractor',
  'supervisor',
  'department-head',
  'asset-manager',
  'finance',
  'admin',
  'leadership',
];

/** Accounts, for admins: who may sign in, with which roles, where they belong. */
export function AccountsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState<Page<Account>>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Account & { password: string }>();

  const load = useCallback(() => {
    void api<Page<Account>>('/admin/accounts?pageSize=100').then(({ data }) => setPage(data));
  }, []);
  useEffect(load, [load]);

  const create = async (values: Account & { password: string }) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    try {
      await api('/admin/accounts', { body });
      setCreating(false);
      form.resetFields();
      void message.success(t('saved'));
      load();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      form.setFields((fields.length ? fields : [{ name: ['id'], errors: [describe(err, t)] }]) as never);
    }
  };

  const setActive = async (a: Account, active: boolean) => {
    await api(`/admin/accounts/${a.id}`, {
      method: 'PATCH',
      body: { active },
      headers: { 'if-match': `"${a.version}"` },
    })
      .then(() => load())
      .catch((err: Error) => void message.error(err.message));
  };

  const resetPassword = (a: Account) => {
    let password = '';
    Modal.confirm({
      title: `${t('resetPassword')} · ${a.name}`,
      content: (
        <Input.Password placeholder={t('newPassword')} onChange={(e) => (password = e.target.value)} />
      ),
      onOk: () =>
        api(`/admin/accounts/${a.id}/password`, { body: { password } })
          .then(() => void message.success(t('saved')))
          .catch((err: Error) => {
            void message.error(err.message);
            throw err;
          }),
    });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4}>{t('accounts')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('newAccount')}
        </Button>
      </Space>
      {creating && (
        <Card size="small" title={t('newAccount')}>
          <Form form={form} layout="vertical" onFinish={create}>
            <Form.Item name="id" label={t('username')} rules={[{ required: true, message: t('required') }]}>
              <Input autoCapitalize="none" />
            </Form.Item>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="roles" label={t('roles')} rules={[{ required: true, message: t('required') }]}>
              <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="department" label={t('department')}>
              <Input />
            </Form.Item>
            <Form.Item name="crew" label={t('crew')}>
              <Input />
            </Form.Item>
            <Form.Item name="contractor" label={t('contractor')}>
              <Input />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('password')}
              rules={[{ required: true, min: 10, message: t('required') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('submit')}
              </Button>
              <Button onClick={() => setCreating(false)}>{t('cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      <Table<Account>
        rowKey="id"
        size="small"
        loading={!page}
        dataSource={page?.items}
        scroll={{ x: 720 }}
        columns={[
          { title: t('username'), dataIndex: 'id' },
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>),
          },
          { title: t('department'), render: (_, a) => a.department ?? a.crew ?? a.contractor ?? '—' },
          {
            title: t('active'),
            render: (_, a) => <Switch checked={a.active} onChange={(on) => void setActive(a, on)} />,
          },
          {
            title: '',
            render: (_, a) => (
              <Button size="small" onClick={() => resetPassword(a)}>
                {t('resetPassword')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
