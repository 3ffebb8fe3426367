import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { ApiError, post } from '../shared/api';
import { useI18n } from '../shared/i18n';

const PHONE = /^1\d{10}$/;

function useCountdown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

/** Sign up (phone, name, password, SMS code) or log in (phone + password, then the SMS code). */
export function PortalAuth({ onIn }: { onIn: () => void }) {
  const { t } = useI18n();
  return (
    <Card style={{ marginTop: 12 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('portal.welcome')}</Typography.Title>
      <Tabs items={[
        { key: 'login', label: t('portal.login'), children: <Login onIn={onIn} /> },
        { key: 'signup', label: t('portal.signup'), children: <Signup onIn={onIn} /> },
      ]} />
    </Card>
  );
}

function errorText(e: unknown, fallback: string) {
  return e instanceof ApiError ? e.title : fallback;
}

function Login({ onIn }: { onIn: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ phone: string; password: string; code?: string }>();
  const [codeStep, setCodeStep] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useCountdown();

  const submit = async (values: { phone: string; password: string; code?: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (!codeStep) {
        const sent = await post<{ resendAfterSeconds: number }>('/portal/login', { phone: values.phone, password: values.password });
        setCodeStep(true);
        setLeft(sent.resendAfterSeconds);
      } else {
        await post('/portal/login', { phone: values.phone, password: values.password, code: values.code });
        onIn();
      }
    } catch (e) {
      setError(errorText(e, t('login.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item name="phone" label={t('portal.phone')} rules={[{ required: true, pattern: PHONE, message: t('portal.phone') }]}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} size="large" id="portal-login-phone" disabled={codeStep} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" size="large" id="portal-login-password" disabled={codeStep} />
      </Form.Item>
      {codeStep && (
        <Form.Item name="code" label={t('portal.code')} extra={left > 0 ? t('portal.resendIn', { s: left }) : t('portal.codeSent')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('portal.code') }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" id="portal-login-code" autoFocus />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-login-submit">{codeStep ? t('portal.login') : t('portal.next')}</Button>
    </Form>
  );
}

function Signup({ onIn }: { onIn: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ phone: string; name: string; password: string; code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useCountdown();

  const sendCode = async () => {
    setError(null);
    try {
      const { phone } = await form.validateFields(['phone']);
      const sent = await post<{ resendAfterSeconds: number }>('/portal/sms-codes', { phone });
      setLeft(sent.resendAfterSeconds);
      setInfo(t('portal.codeSent'));
    } catch (e) {
      if (e instanceof ApiError) setError(e.title);
    }
  };

  const submit = async (values: { phone: string; name: string; password: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post('/portal/signup', values);
      onIn();
    } catch (e) {
      setError(errorText(e, t('common.error')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} role="alert" />}
      {info && !error && <Alert type="success" title={info} showIcon style={{ marginBottom: 12 }} />}
      <Form.Item name="phone" label={t('portal.phone')} rules={[{ required: true, pattern: PHONE, message: t('portal.phone') }]}>
        <Input inputMode="numeric" autoComplete="tel" maxLength={11} size="large" id="portal-signup-phone" />
      </Form.Item>
      <Form.Item name="name" label={t('portal.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
        <Input autoComplete="name" size="large" id="portal-signup-name" />
      </Form.Item>
      <Form.Item name="password" label={t('portal.password')} rules={[{ required: true, min: 8, message: t('portal.password') }]}>
        <Input.Password autoComplete="new-password" size="large" id="portal-signup-password" />
      </Form.Item>
      <Form.Item label={t('portal.code')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('portal.code') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" id="portal-signup-code" aria-label={t('portal.code')} />
          </Form.Item>
          <Button size="large" onClick={() => void sendCode()} disabled={left > 0} data-testid="portal-send-code">{left > 0 ? t('portal.resendIn', { s: left }) : t('portal.sendCode')}</Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-signup-submit">{t('portal.signup')}</Button>
    </Form>
  );
}
