import { AuditOutlined, BookOutlined, FlagOutlined, StopOutlined } from '@ant-design/icons';
import type { Translate } from '../../shared/i18n';

/** The desk menu's service-language group: every staff member with language.use (agents see their own results). */
export function languageMenu(t: Translate, can: (permission: string) => boolean) {
  if (!can('language.use')) return [];
  return [
    { type: 'divider' as const },
    {
      type: 'group' as const,
      label: t('language.nav.group'),
      children: [
        { key: '/language/phrases', icon: <BookOutlined />, label: <span data-testid="nav-phrases">{t('language.nav.phrases')}</span> },
        { key: '/language/lexicon', icon: <StopOutlined />, label: <span data-testid="nav-lexicon">{t('language.nav.lexicon')}</span> },
        { key: '/language/quality', icon: <AuditOutlined />, label: <span data-testid="nav-quality">{t('language.nav.quality')}</span> },
        { key: '/language/appeals', icon: <FlagOutlined />, label: <span data-testid="nav-appeals">{t('language.nav.appeals')}</span> },
      ],
    },
  ];
}

/** The menu entry a /language/… page belongs to (a conversation opened from the results keeps "quality" selected). */
export function languageMenuKey(pathname: string): string | null {
  const match = /^\/language\/(phrases|lexicon|quality|appeals)/.exec(pathname);
  return match ? `/language/${match[1]}` : null;
}
