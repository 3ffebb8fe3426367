import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Layout, Spin, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { api, ApiError, get } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import type { Me, Site } from '../shared/types';
import { PortalAuth } from './PortalAuth';

const PortalHome = lazy(() => import('./PortalHome'));
const PortalNew = lazy(() => import('./PortalNew'));
const PortalOrder = lazy(() => import('./PortalOrder'));

export interface PortalSession { me: Me; sites: Site[] }
const spinner = <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;

export function PortalApp() {
  const { t } = useI18n();
  const [session, setSession] = useState<PortalSession | null>(null);
  const [state, setState] = useState<'loading' | 'auth' | 'ready'>('loading');
  const navigate = useNavigate();

  const load = useCallback(async () => {
    try {
      const me = await get<Me>('/auth/me');
      const sites = await get<{ items: Site[] }>('/sites');
      setSession({ me, sites: sites.items });
      setState('ready');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState('auth');
      else throw e;
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const logout = async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setSession(null);
    setState('auth');
    navigate('/');
  };

  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
        <Layout.Header style={{ background: '#1668dc', display: 'flex', alignItems: 'center', gap: 8, padding: '0 16px', height: 56, lineHeight: '56px' }}>
          <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')} · {t('app.portal')}</Link>
          <div style={{ flex: 1 }} />
          <LanguageSwitch size="small" />
          {session && <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} aria-label={t('portal.logout')} />}
        </Layout.Header>
        <Layout.Content style={{ width: '100%', maxWidth: 560, margin: '0 auto', padding: 12 }}>
          {state === 'loading' && spinner}
          {state === 'auth' && <PortalAuth onIn={() => void load()} />}
          {state === 'ready' && session && (
            <Suspense fallback={spinner}>
              <Routes>
                <Route path="/" element={<PortalHome session={session} />} />
                <Route path="/new" element={<PortalNew session={session} />} />
                <Route path="/orders/:id" element={<PortalOrder session={session} />} />
                <Route path="*" element={<PortalHome session={session} />} />
              </Routes>
            </Suspense>
          )}
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24, fontSize: 12 }}>{t('app.motto')}</Typography.Paragraph>
        </Layout.Content>
      </Layout>
    </AntApp>
  );
}
