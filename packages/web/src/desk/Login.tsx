import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, post } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';

export function Login({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post('/auth/login', { ...values, session: true });
      onLoggedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f7fa 60%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}><LanguageSwitch /></div>
      <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(22,104,220,0.08)' }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>{t('app.name')} · {t('app.desk')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.motto')}</Typography.Paragraph>
        <Typography.Title level={5} style={{ marginTop: 8 }}>{t('login.title')}</Typography.Title>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
      </Card>
    </main>
  );
}
