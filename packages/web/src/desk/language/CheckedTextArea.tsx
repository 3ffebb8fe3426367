import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Button, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { CheckCircleOutlined, LoadingOutlined, MessageOutlined, SwapRightOutlined, WarningOutlined } from '@ant-design/icons';
import { label, useI18n } from '../../shared/i18n';
import { applySuggestion, removesOnly, segmentsOf } from './hits';
import { PhrasePicker } from './PhrasePicker';
import type { Hit } from './types';
import type { LanguageCheck } from './useLanguageCheck';

/** Box properties the mirror copies from the textarea, so its text wraps exactly like the agent's. */
const MIRRORED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'tabSize',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'textTransform',
] as const;

const FORBIDDEN_MARK: CSSProperties = {
  background: 'rgba(255, 77, 79, 0.16)', borderRadius: 2, textDecoration: 'underline wavy #cf1322', textDecorationSkipInk: 'none', textUnderlineOffset: 3,
};
const NON_STANDARD_MARK: CSSProperties = {
  background: 'rgba(250, 173, 20, 0.2)', borderRadius: 2, textDecoration: 'underline wavy #d48806', textDecorationSkipInk: 'none', textUnderlineOffset: 3,
};
export const isForbidden = (hit: Pick<Hit, 'severity'>) => hit.severity !== 'nonStandard';

export interface CheckedTextAreaProps {
  value?: string;
  onChange?: (value: string) => void;
  check: LanguageCheck;
  /** The text goes to the customer: check it. Internal text only gets the phrase shortcut. */
  active?: boolean;
  /** Fills {customer} in inserted phrases ("王先生"). */
  customer?: string;
  siteId?: number;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
}

/**
 * A reply box whose text the customer will read. As the agent types, the
 * server's checker looks at the text; its hits are underlined in place (a
 * mirror of the text under a transparent textarea marks the offsets the server
 * returned) and listed under the box with the standard phrase one click away.
 * Ctrl+/ (or "/" in an empty box) opens the standard phrases.
 */
export function CheckedTextArea({ value = '', onChange, check, active = true, customer, siteId, rows = 3, maxLength = 4000, placeholder, id, ...rest }: CheckedTextAreaProps) {
  const { t } = useI18n();
  const ref = useRef<TextAreaRef>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<CSSProperties>({});
  const [picking, setPicking] = useState(false);
  const selection = useRef<[number, number]>([0, 0]);
  const pendingSelect = useRef<[number, number] | null>(null);
  const textarea = () => ref.current?.resizableTextArea?.textArea ?? null;

  const hits = active ? check.hitsFor(value) : [];

  useEffect(() => {
    if (active) check.schedule(value);
    else check.clear();
    // Only a switch of `active` re-checks here; typing schedules from onChange.
  }, [active]);

  // Keep the mirror exactly over the textarea's content box (it grows with autoSize, may show a scrollbar).
  useLayoutEffect(() => {
    const el = textarea();
    if (!el) return;
    const sync = () => {
      const style = getComputedStyle(el);
      const next: CSSProperties = {
        top: el.offsetTop + el.clientTop, left: el.offsetLeft + el.clientLeft, width: el.clientWidth, height: el.clientHeight,
      };
      for (const key of MIRRORED) (next as Record<string, string>)[key] = style[key];
      setBox(next);
      if (mirror.current) mirror.current.scrollTop = el.scrollTop;
    };
    sync();
    const observer = new ResizeObserver(sync);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = textarea();
    if (el && mirror.current) mirror.current.scrollTop = el.scrollTop;
    if (el && pendingSelect.current) {
      const [start, end] = pendingSelect.current;
      pendingSelect.current = null;
      el.focus();
      el.setSelectionRange(start, end);
    }
  });

  const change = (next: string, select?: [number, number]) => {
    if (select) pendingSelect.current = select;
    onChange?.(next);
    if (active) check.schedule(next);
  };

  const openPicker = () => {
    const el = textarea();
    selection.current = el ? [el.selectionStart, el.selectionEnd] : [value.length, value.length];
    setPicking(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const slashInEmpty = e.key === '/' && value === '' && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (((e.ctrlKey || e.metaKey) && e.key === '/') || slashInEmpty) {
      e.preventDefault();
      openPicker();
    }
  };

  const insert = (phrase: string) => {
    setPicking(false);
    const [start, end] = selection.current;
    const next = (value.slice(0, start) + phrase + value.slice(end)).slice(0, maxLength);
    // A variable nobody could fill ({customer}) is selected so the agent types over it.
    const blank = /\{\w+\}/.exec(phrase);
    change(next, blank ? [start + blank.index, start + blank.index + blank[0].length] : [start + phrase.length, start + phrase.length]);
  };

  const replace = (hit: Hit) => {
    const { text, select } = applySuggestion(value, hit);
    change(text, select);
  };

  const segments = segmentsOf(value, hits);
  return (
    <div data-testid="checked-text">
      <div style={{ position: 'relative', background: '#fff', borderRadius: 6 }}>
        <div
          ref={mirror}
          aria-hidden
          data-testid="checked-mirror"
          style={{ ...box, position: 'absolute', overflow: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', wordBreak: 'normal', color: 'transparent', pointerEvents: 'none', boxSizing: 'border-box', margin: 0, border: 0 }}
        >
          {segments.map((s, i) => (s.hit
            ? <mark key={i} data-testid="hit-mark" data-rule={s.hit.rule} style={{ ...(isForbidden(s.hit) ? FORBIDDEN_MARK : NON_STANDARD_MARK), color: 'transparent', padding: 0, margin: 0 }}>{s.text}</mark>
            : <span key={i}>{s.text}</span>))}
          {/* A trailing line break needs something after it to take up its line. */}
          {'\u200b'}
        </div>
        <Input.TextArea
          ref={ref}
          id={id}
          aria-label={rest['aria-label']}
          value={value}
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => { if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop; }}
          autoSize={{ minRows: rows, maxRows: 12 }}
          maxLength={maxLength}
          placeholder={placeholder ?? t('language.box.placeholder')}
          spellCheck={false}
          style={{ background: 'transparent', position: 'relative' }}
        />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 4, minHeight: 24, flexWrap: 'wrap' }}>
        <Tooltip title={t('language.box.shortcut')}>
          <Button size="small" type="link" icon={<MessageOutlined />} onClick={openPicker} style={{ paddingInline: 0 }} data-testid="open-phrases">
            {t('language.box.phrases')} <Typography.Text type="secondary" keyboard style={{ fontSize: 11 }}>Ctrl /</Typography.Text>
          </Button>
        </Tooltip>
        <div style={{ flex: 1 }} />
        {active && <CheckStatus checking={check.checking} failed={check.failed} count={hits.length} empty={!value.trim()} />}
      </div>
      {hits.length > 0 && <HitList hits={hits} onReplace={replace} />}
      <PhrasePicker open={picking} onClose={() => { setPicking(false); pendingSelect.current = selection.current; }} onPick={insert} customer={customer} siteId={siteId} />
    </div>
  );
}

function CheckStatus({ checking, failed, count, empty }: { checking: boolean; failed: boolean; count: number; empty: boolean }) {
  const { t } = useI18n();
  if (checking) return <Typography.Text type="secondary" style={{ fontSize: 12 }}><LoadingOutlined /> {t('language.box.checking')}</Typography.Text>;
  if (failed) return <Typography.Text type="warning" style={{ fontSize: 12 }}><WarningOutlined /> {t('language.box.failed')}</Typography.Text>;
  if (empty) return null;
  if (count > 0) return <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="hit-count"><WarningOutlined /> {t('language.box.hits', { n: count })}</Typography.Text>;
  return <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="check-clean"><CheckCircleOutlined /> {t('language.box.clean')}</Typography.Text>;
}

/** Each hit: what was written, its group and rule, and the standard phrase to put in its place. */
export function HitList({ hits, onReplace }: { hits: Hit[]; onReplace?: (hit: Hit) => void }) {
  const { t } = useI18n();
  return (
    <div role="list" aria-label={t('language.box.hitList')} style={{ border: '1px solid #ffccc7', background: '#fff7f6', borderRadius: 6, padding: '4px 10px', marginTop: 4 }}>
      {hits.map((hit) => (
        <div role="listitem" key={`${hit.rule}-${hit.start}`} data-testid="hit" data-rule={hit.rule} style={{ display: 'flex', alignItems: 'baseline', gap: 6, padding: '3px 0', flexWrap: 'wrap' }}>
          <Tag color={isForbidden(hit) ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>{label(t, 'language.group', hit.category)}</Tag>
          <Typography.Text delete strong>{hit.matchedText}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{isForbidden(hit) ? t('language.severity.forbidden') : t('language.severity.nonStandard')} · {hit.rule}</Typography.Text>
          <SwapRightOutlined style={{ color: '#8c8c8c' }} />
          {removesOnly(hit) ? (
            <Space size={4} wrap>
              {onReplace && <Button size="small" onClick={() => onReplace(hit)} data-testid="hit-suggestion">{t('language.box.remove')}</Button>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hit.suggestion}</Typography.Text>
            </Space>
          ) : onReplace ? (
            <Tooltip title={t('language.box.replace')}>
              <Button size="small" type="dashed" onClick={() => onReplace(hit)} data-testid="hit-suggestion" style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'start', color: '#389e0d', borderColor: '#b7eb8f' }}>
                {hit.suggestion}
              </Button>
            </Tooltip>
          ) : (
            <Typography.Text type="success">{hit.suggestion}</Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
