import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Empty, Input, Modal, Spin, Tag, Typography } from 'antd';
import { label, useI18n } from '../../shared/i18n';
import { usePhrases } from './usePhrases';
import type { RenderedPhrase } from './types';

interface Choice { key: string; phrase: RenderedPhrase; text: string; followUp: boolean }

/** Each phrase, and its follow-up line (said at the end of the same exchange) as a choice of its own. */
function choicesOf(items: RenderedPhrase[]): Choice[] {
  return items.flatMap((p) => [
    { key: `${p.festival ? 'f' : 'o'}-${p.id}`, phrase: p, text: p.text, followUp: false },
    ...(p.followUp ? [{ key: `${p.festival ? 'f' : 'o'}-${p.id}-follow`, phrase: p, text: p.followUp, followUp: true }] : []),
  ]);
}

/**
 * The standard-phrase picker of a reply box (Ctrl+/): type to filter by words
 * or moment, ↑↓ to move, Enter to insert. Festival forms come first on a
 * statutory holiday.
 */
export function PhrasePicker({ open, onClose, onPick, customer, siteId }: {
  open: boolean;
  onClose: () => void;
  onPick: (text: string) => void;
  customer?: string;
  siteId?: number;
}) {
  const { t } = useI18n();
  const library = usePhrases(open, customer, siteId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) {
      setQuery('');
      setActive(0);
    }
  }, [open]);

  const choices = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = choicesOf(library.items);
    if (!q) return all;
    return all.filter((c) => c.text.toLowerCase().includes(q) || label(t, 'language.moment', c.phrase.moment).toLowerCase().includes(q) || c.phrase.moment.toLowerCase().includes(q));
  }, [library.items, query, t]);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (choice: Choice | undefined) => {
    if (!choice) return;
    onPick(choice.text);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, choices.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(choices[active]);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={720} title={t('language.picker.title')} destroyOnHidden data-testid="phrase-picker">
      <Input
        autoFocus
        value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onKeyDown={onKeyDown}
        placeholder={t('language.picker.search')}
        aria-label={t('language.picker.search')}
        allowClear
        id="phrase-picker-search"
      />
      {library.holiday && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('language.picker.holiday', { holiday: library.holiday })} />}
      {library.failed && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('language.picker.failed')} />}
      <div ref={listRef} role="listbox" aria-label={t('language.picker.title')} style={{ maxHeight: 420, overflowY: 'auto', marginTop: 8 }}>
        {library.loading && library.items.length === 0 ? <div style={{ padding: 24, textAlign: 'center' }}><Spin /></div> : null}
        {!library.loading && choices.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('language.picker.none')} /> : null}
        {choices.map((c, i) => (
          <div
            key={c.key}
            data-index={i}
            role="option"
            aria-selected={i === active}
            data-testid="phrase-choice"
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(c)}
            style={{ padding: '6px 10px', borderRadius: 6, cursor: 'pointer', background: i === active ? '#e6f4ff' : undefined, display: 'flex', gap: 8, alignItems: 'baseline' }}
          >
            <Tag color={c.phrase.festival ? 'red' : 'blue'} style={{ flexShrink: 0 }}>{label(t, 'language.moment', c.phrase.moment)}</Tag>
            <span style={{ flex: 1 }}>
              {c.followUp && <Typography.Text type="secondary">{t('language.picker.followUp')} </Typography.Text>}
              {c.text}
              {c.phrase.missing.length > 0 && <Typography.Text type="warning" style={{ fontSize: 12 }}> · {t('language.picker.fillIn', { names: c.phrase.missing.map((m) => `{${m}}`).join(' ') })}</Typography.Text>}
            </span>
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('language.picker.keys')}</Typography.Text>
    </Modal>
  );
}
