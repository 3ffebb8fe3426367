import type { ComponentType } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { Result, Tabs, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useDesk } from '../session';
import { AgenciesTab } from './AgenciesTab';
import { CalendarTab } from './CalendarTab';
import { CallbacksTab } from './CallbacksTab';
import { CategoriesTab } from './CategoriesTab';
import { DepartmentsTab } from './DepartmentsTab';
import { OrganisationTab } from './OrganisationTab';
import { SitesTab } from './SitesTab';
import { SlaTab } from './SlaTab';
import { SETTINGS_SECTIONS, type SettingsSection } from './settingsMenu';
import { UsersTab } from './UsersTab';

const TABS: Record<SettingsSection, ComponentType> = {
  organisation: OrganisationTab,
  sites: SitesTab,
  departments: DepartmentsTab,
  users: UsersTab,
  categories: CategoriesTab,
  calendar: CalendarTab,
  sla: SlaTab,
  callbacks: CallbacksTab,
  agencies: AgenciesTab,
};

export default function SettingsPage() {
  const { t } = useI18n();
  const desk = useDesk();
  const navigate = useNavigate();
  const section = useParams()['*']?.split('/')[0] ?? '';
  const allowed = SETTINGS_SECTIONS.filter(([, permission]) => desk.can(permission)).map(([key]) => ({ key, Component: TABS[key] }));

  if (allowed.length === 0) return <Result status="403" title={t('admin.forbidden')} />;
  const active = allowed.find((s) => s.key === section);
  if (!active) return <Navigate to={`/settings/${allowed[0]!.key}`} replace />;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="settings-title">{t('admin.title')}</Typography.Title>
      <Tabs
        activeKey={active.key}
        onChange={(key) => navigate(`/settings/${key}`)}
        destroyOnHidden
        items={allowed.map(({ key, Component }) => ({
          key,
          label: <span data-testid={`settings-tab-${key}`}>{t(`admin.tab.${key}` as MessageKey)}</span>,
          children: key === active.key ? <Component /> : null,
        }))}
      />
    </>
  );
}
