import { useCallback, useEffect } from 'react';
import { Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { formatAt } from '../../shared/time';
import { useDesk } from '../session';
import { useLoad, useSave, type Organisation } from './adminApi';

interface ProfileForm { name: string; numberPrefix: string }

/** The organisation's name (spoken in the standard phrases) and the prefix of new work-order numbers. */
export function OrganisationTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const save = useSave();
  const [form] = Form.useForm<ProfileForm>();
  const { data: org, reload } = useLoad(useCallback(() => get<Organisation>('/organisation'), []));
  const prefix = Form.useWatch('numberPrefix', form);

  useEffect(() => {
    if (org) form.setFieldsValue({ name: org.name, numberPrefix: org.numberPrefix });
  }, [org, form]);

  if (!org) return <Card><Skeleton active /></Card>;
  const example = `${/^[A-Z]{1,6}$/.test(prefix ?? '') ? prefix : org.numberPrefix}${dayjs().tz(desk.timeZone).format('YYMMDD')}0001`;

  const submit = async (values: ProfileForm) => {
    const changes = {
      ...(values.name.trim() !== org.name ? { name: values.name.trim() } : {}),
      ...(values.numberPrefix !== org.numberPrefix ? { numberPrefix: values.numberPrefix } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    if (await save(() => api<Organisation>('PATCH', '/organisation', changes), t('admin.saved'))) await reload();
  };

  return (
    <Card style={{ maxWidth: 760 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('admin.org.name')}
          extra={t('admin.org.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('admin.maxLength', { n: 100 }) }]}
        >
          <Input id="org-name" maxLength={100} showCount />
        </Form.Item>
        <Form.Item
          name="numberPrefix"
          label={t('admin.org.prefix')}
          extra={t('admin.org.prefixHint', { example })}
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Z]{1,6}$/, message: t('admin.org.prefixRule') }]}
        >
          <Input id="org-prefix" maxLength={6} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="org-save">{t('common.save')}</Button>
      </Form>
      <Descriptions size="small" column={2} style={{ marginTop: 24 }}>
        <Descriptions.Item label={t('admin.org.code')}><Typography.Text code>{org.code}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('admin.org.createdAt')}>{formatAt(t, org.createdAt, desk.timeZone, 'fmt.date')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
