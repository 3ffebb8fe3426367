import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { api, ApiError } from '../shared/api';
import { label, useI18n } from '../shared/i18n';
import type { WorkOrderDetail } from '../shared/types';
import type { PortalSession } from './PortalApp';

const MAX_PHOTOS = 6;
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

interface Picked { file: File; url: string }

/** Submit an inquiry, complaint or repair with up to six photos (checked here, and again by their bytes on the server). */
export default function PortalNew({ session }: { session: PortalSession }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (files: FileList | null) => {
    setProblem(null);
    const next = [...photos];
    for (const file of Array.from(files ?? [])) {
      if (!TYPES.includes(file.type)) { setProblem(t('portal.photoType')); continue; }
      if (file.size > MAX_BYTES) { setProblem(t('portal.photoTooBig')); continue; }
      if (next.length >= MAX_PHOTOS) break;
      next.push({ file, url: URL.createObjectURL(file) });
    }
    setPhotos(next);
  };

  const submit = async (values: { kind: string; siteId: number; unit?: string; description: string }) => {
    setBusy(true);
    try {
      // Portal usernames are portal:<org>:<phone>: sending the phone lets the desk call back and see earlier orders.
      const phone = session.me.username.split(':')[2];
      const order = await api<WorkOrderDetail>('POST', '/work-orders', {
        kind: values.kind, channel: 'online', siteId: values.siteId, unit: values.unit || null, description: values.description,
        ...(phone ? { customer: { name: session.me.displayName, phone } } : {}),
      });
      for (const photo of photos) {
        await api('POST', `/work-orders/${order.id}/photos`, undefined, { raw: photo.file, contentType: photo.file.type });
      }
      message.success(t('portal.submitted', { number: order.number }));
      navigate(`/orders/${order.id}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('portal.newOrder')}>
      <Form layout="vertical" onFinish={submit} initialValues={{ kind: 'repair', siteId: session.sites[0]?.id }} requiredMark={false}>
        <Form.Item name="kind" label={t('portal.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={['repair', 'complaint', 'inquiry'].map((k) => ({ value: k, label: label(t, 'kind', k) }))} />
        </Form.Item>
        <Form.Item name="siteId" label={t('portal.site')} hidden={session.sites.length <= 1}>
          <Select options={session.sites.map((s) => ({ value: s.id, label: s.name }))} size="large" />
        </Form.Item>
        <Form.Item name="unit" label={t('portal.unit')} rules={[{ max: 200 }]}><Input size="large" id="portal-unit" /></Form.Item>
        <Form.Item name="description" label={t('portal.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 4000 }]}>
          <Input.TextArea rows={5} showCount maxLength={4000} id="portal-description" />
        </Form.Item>
        <Form.Item label={t('portal.photos')}>
          <Space wrap>
            {photos.map((p, i) => (
              <div key={p.url} style={{ position: 'relative' }}>
                <img src={p.url} alt={`${t('order.photos')} ${i + 1}`} style={{ width: 88, height: 88, objectFit: 'cover', borderRadius: 8, border: '1px solid #eef0f3' }} />
                <Button size="small" shape="circle" icon={<DeleteOutlined />} aria-label={`${t('common.cancel')} ${i + 1}`} style={{ position: 'absolute', top: 2, right: 2 }} onClick={() => setPhotos(photos.filter((_, j) => j !== i))} />
              </div>
            ))}
            {photos.length < MAX_PHOTOS && (
              <label style={{ width: 88, height: 88, border: '1px dashed #bfbfbf', borderRadius: 8, display: 'grid', placeItems: 'center', cursor: 'pointer', color: '#8c8c8c', textAlign: 'center', fontSize: 12 }}>
                <span><CameraOutlined style={{ fontSize: 22 }} /><br />{t('portal.addPhoto')}</span>
                <input type="file" accept={TYPES.join(',')} multiple style={{ display: 'none' }} onChange={(e) => { pick(e.target.files); e.target.value = ''; }} data-testid="portal-photo-input" />
              </label>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{photos.length}/{MAX_PHOTOS}</Typography.Text>
        </Form.Item>
        {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} role="alert" />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-submit">{t('common.submit')}</Button>
      </Form>
    </Card>
  );
}
