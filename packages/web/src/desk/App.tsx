import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { api, ApiError, get } from '../shared/api';
import type { Category, Department, Me, Notification, Site, Staff } from '../shared/types';
import { Login } from './Login';
import { buildDeskData, DeskProvider, type DeskData } from './session';
import { Shell } from './Shell';

// Route-level code splitting: each page is its own chunk, the dashboard brings ECharts.
const QueuePage = lazy(() => import('./QueuePage'));
const IntakePage = lazy(() => import('./IntakePage'));
const WorkOrderPage = lazy(() => import('./WorkOrderPage'));
const DashboardPage = lazy(() => import('./DashboardPage'));
const LanguageRoutes = lazy(() => import('./language/LanguageRoutes'));
const SettingsPage = lazy(() => import('./admin/SettingsPage'));

const loading = <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;

export function App() {
  const [desk, setDesk] = useState<DeskData | null>(null);
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [state, setState] = useState<'loading' | 'login' | 'ready'>('loading');

  const logout = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setDesk(null);
    setState('login');
  }, []);

  const load = useCallback(async () => {
    try {
      const me = await get<Me>('/auth/me');
      if (me.role === 'customer') {
        window.location.assign('/portal');
        return;
      }
      const [sites, departments, categories, staff, unread] = await Promise.all([
        get<{ items: Site[] }>('/sites'),
        get<{ items: Department[] }>('/departments'),
        get<{ items: Category[] }>('/categories'),
        get<{ items: Staff[] }>('/dashboard/staff').catch(() => ({ items: [] as Staff[] })),
        get<{ items: Notification[] }>('/notifications', { limit: 50 }),
      ]);
      setNotifications(unread.items);
      setDesk(buildDeskData(me, sites.items, departments.items, categories.items.filter((c) => c.active), staff.items, () => void logout()));
      setState('ready');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState('login');
      else throw error;
    }
  }, [logout]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state === 'loading') return loading;
  if (state === 'login' || !desk) return <Login onLoggedIn={() => void load()} />;
  return (
    <DeskProvider value={desk}>
      <Shell initialNotifications={notifications}>
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/" element={<QueuePage />} />
            <Route path="/queue/:queue" element={<QueuePage />} />
            <Route path="/intake" element={<IntakePage />} />
            <Route path="/work-orders/:id" element={<WorkOrderPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/language/*" element={<LanguageRoutes />} />
            <Route path="/settings/*" element={<SettingsPage />} />
            <Route path="*" element={<QueuePage />} />
          </Routes>
        </Suspense>
      </Shell>
    </DeskProvider>
  );
}
