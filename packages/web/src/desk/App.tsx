import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { api, ApiError, get } from '../shared/api';
import type { Category, Department, Me, Notification, Site, Staff } from '../shared/types';
import { Login } from './Login';
import { useReferenceRefresh } from './reference-refresh';
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
      const [reference, unread] = await Promise.all([
        loadReference(),
        get<{ items: Notification[] }>('/notifications', { limit: 50 }),
      ]);
      setNotifications(unread.items);
      shownReference.current = JSON.stringify(reference);
      setDesk(buildDeskData(me, reference.sites, reference.departments, reference.categories, reference.staff, () => void logout()));
      setState('ready');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState('login');
      else throw error;
    }
  }, [logout]);

  // Pages reload their lists when the desk data changes: replace it only when the
  // server's reference data really differs from what is shown.
  const shownReference = useRef('');
  const refreshReference = useCallback(async () => {
    const reference = await loadReference();
    const text = JSON.stringify(reference);
    if (text === shownReference.current) return;
    shownReference.current = text;
    setDesk((current) => current && buildDeskData(current.me, reference.sites, reference.departments, reference.categories, reference.staff, current.logout));
  }, []);
  useReferenceRefresh(refreshReference, state === 'ready');

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

/** The organisation's reference data the desk works with; categories that are switched off stay out of pickers. */
async function loadReference(): Promise<{ sites: Site[]; departments: Department[]; categories: Category[]; staff: Staff[] }> {
  const [sites, departments, categories, staff] = await Promise.all([
    get<{ items: Site[] }>('/sites'),
    get<{ items: Department[] }>('/departments'),
    get<{ items: Category[] }>('/categories'),
    get<{ items: Staff[] }>('/dashboard/staff').catch(() => ({ items: [] as Staff[] })),
  ]);
  return { sites: sites.items, departments: departments.items, categories: categories.items.filter((c) => c.active), staff: staff.items };
}
