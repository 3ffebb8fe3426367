import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LANGUAGES, useI18n, type Language } from './i18n';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Select<Language>
      size={size}
      value={lang}
      onChange={setLang}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      prefix={<GlobalOutlined />}
      style={{ width: 140 }}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
    />
  );
}
