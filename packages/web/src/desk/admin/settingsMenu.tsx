import { SettingOutlined } from '@ant-design/icons';
import type { Translate } from '../../shared/i18n';

/**
 * The settings areas in menu order and the permission each needs (the server
 * checks the same ones). Kept apart from the settings page so the desk menu
 * does not pull the page's chunk into the first load.
 */
export const SETTINGS_SECTIONS = [
  ['organisation', 'org.configure'],
  ['sites', 'org.configure'],
  ['departments', 'org.configure'],
  ['users', 'user.manage'],
  ['categories', 'org.configure'],
  ['calendar', 'org.configure'],
  ['sla', 'org.configure'],
  ['callbacks', 'org.configure'],
  ['agencies', 'agency.write'],
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number][0];

/** The 设置 entry of the desk menu, for whoever may open at least one area. */
export function settingsMenu(t: Translate, can: (permission: string) => boolean) {
  if (!SETTINGS_SECTIONS.some(([, permission]) => can(permission))) return [];
  return [
    { type: 'divider' as const },
    { key: '/settings', icon: <SettingOutlined />, label: <span data-testid="nav-settings">{t('admin.nav')}</span> },
  ];
}

/** Every /settings/… page keeps the 设置 entry selected. */
export function settingsMenuKey(pathname: string): string | null {
  return pathname === '/settings' || pathname.startsWith('/settings/') ? '/settings' : null;
}
