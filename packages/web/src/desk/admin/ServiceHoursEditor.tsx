import type { ReactNode } from 'react';
import { Button, Checkbox, Space, Switch, Tag, TimePicker, Tooltip, Typography } from 'antd';
import { CloseOutlined, CopyOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n, type Translate } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { WEEKDAYS, type ServiceHours, type Weekday } from './adminApi';

/**
 * The weekly service hours of a site: per weekday any number of ranges (a split
 * shift is two), an end before the start runs past midnight ('22:00–06:00'
 * belongs to the day it starts), hours for make-up workdays (调休上班), and
 * whether the desk serves on rest days. The checks mirror the server's
 * (domain calendar/service-hours.ts) so mistakes show while typing.
 */

/** What a site without its own hours runs on (the server's default). */
export const DEFAULT_HOURS: ServiceHours = { weekly: { mon: ['09:00-18:00'], tue: ['09:00-18:00'], wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-18:00'] } };

type Field = Weekday | 'makeupDay' | 'weekly';
const RANGE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

function minutes(range: string): [number, number] | null {
  const m = RANGE.exec(range.trim());
  if (!m) return null;
  const [sh, sm, eh, em] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh === 24 && em > 0)) return null;
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  return [start, end < start ? end + 1440 : end];
}

export const crossesMidnight = (range: string) => (minutes(range)?.[1] ?? 0) > 1440;

function rangeProblem(ranges: readonly string[]): MessageKey | null {
  const parsed: [number, number][] = [];
  for (const r of ranges) {
    const m = minutes(r);
    if (!m) return 'admin.hours.invalid';
    if (m[0] === m[1]) return 'admin.hours.empty';
    parsed.push(m);
  }
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) if (parsed[i]![0] < parsed[i - 1]![1]) return 'admin.hours.overlap';
  return null;
}

/** Problems by field; empty when the server will accept the hours. */
export function hoursProblems(hours: ServiceHours): Partial<Record<Field, MessageKey>> {
  const out: Partial<Record<Field, MessageKey>> = {};
  for (const day of WEEKDAYS) {
    const problem = rangeProblem(hours.weekly[day] ?? []);
    if (problem) out[day] = problem;
  }
  if (hours.makeupDay) {
    const problem = rangeProblem(hours.makeupDay);
    if (problem) out.makeupDay = problem;
  }
  // The server asks for this even on 24-hour duty: switching duty off later must not reveal a week without hours.
  if (WEEKDAYS.every((day) => (hours.weekly[day] ?? []).length === 0)) out.weekly = 'admin.hours.noneOpen';
  return out;
}

const toDayjs = (text: string) => {
  const [h, m] = text.split(':').map(Number);
  return dayjs().startOf('day').hour((h ?? 0) % 24).minute(m ?? 0);
};
const split = (range: string): [string, string] => {
  const [start = '09:00', end = '18:00'] = range.split('-').map((s) => s.trim());
  return [start, end];
};

function RangeRow({ ranges, onChange, label, testId, t }: { ranges: string[]; onChange: (next: string[]) => void; label: string; testId: string; t: Translate }) {
  const setPart = (index: number, part: 0 | 1, value: Dayjs | null) => {
    if (!value) return;
    const pieces = split(ranges[index]!);
    pieces[part] = value.format('HH:mm');
    onChange(ranges.map((r, i) => (i === index ? `${pieces[0]}-${pieces[1]}` : r)));
  };
  const add = () => {
    const last = ranges[ranges.length - 1];
    // A second shift starts an hour after the first ends: the usual lunch break.
    const start = last ? toDayjs(split(last)[1]).add(1, 'hour') : toDayjs('09:00');
    onChange([...ranges, `${start.format('HH:mm')}-${start.add(4, 'hour').format('HH:mm')}`]);
  };
  return (
    <Space wrap size={[12, 8]}>
      {ranges.map((range, index) => {
        const [start, end] = split(range);
        return (
          <Space.Compact key={index} data-testid={`${testId}-range-${index}`}>
            <TimePicker
              format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} showNow={false} value={toDayjs(start)} style={{ width: 92 }}
              aria-label={`${label} ${t('admin.hours.start')}`} onChange={(v) => setPart(index, 0, v)}
            />
            <TimePicker
              format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} showNow={false} value={toDayjs(end)} style={{ width: 92 }}
              aria-label={`${label} ${t('admin.hours.end')}`} onChange={(v) => setPart(index, 1, v)}
            />
            {crossesMidnight(range) && <Tooltip title={t('admin.hours.overnightHint')}><Tag color="purple" style={{ margin: 0, display: 'flex', alignItems: 'center', borderRadius: 0 }}>{t('admin.hours.overnight')}</Tag></Tooltip>}
            <Button icon={<CloseOutlined />} aria-label={t('admin.hours.removeRange')} onClick={() => onChange(ranges.filter((_, i) => i !== index))} />
          </Space.Compact>
        );
      })}
      {ranges.length < 8 && (ranges.length === 0
        ? <Button type="dashed" icon={<PlusOutlined />} onClick={add} data-testid={`${testId}-add`}>{t('admin.hours.addRange')}</Button>
        : (
          <Tooltip title={t('admin.hours.addRange')}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={add} aria-label={t('admin.hours.addRange')} data-testid={`${testId}-add`} />
          </Tooltip>
        ))}
    </Space>
  );
}

export function ServiceHoursEditor({ value, onChange, twentyFourHour }: { value: ServiceHours; onChange: (next: ServiceHours) => void; twentyFourHour: boolean }) {
  const { t } = useI18n();
  const problems = hoursProblems(value);
  const setDay = (day: Weekday, ranges: string[]) => onChange({ ...value, weekly: { ...value.weekly, [day]: ranges } });
  const copyMonday = () => {
    const monday = value.weekly.mon ?? [];
    onChange({ ...value, weekly: { ...value.weekly, tue: [...monday], wed: [...monday], thu: [...monday], fri: [...monday] } });
  };
  const problem = (field: Field) => problems[field] && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t(problems[field]!)}</Typography.Text>;
  const row = (key: string, title: string, control: ReactNode, body: ReactNode, field: Field) => (
    <div key={key} style={{ display: 'grid', gridTemplateColumns: '84px 96px 1fr', alignItems: 'center', gap: 8, padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Text strong>{title}</Typography.Text>
      <div>{control}</div>
      <div>{body}{problems[field] && <div>{problem(field)}</div>}</div>
    </div>
  );

  return (
    <div data-testid="hours-editor" style={{ opacity: twentyFourHour ? 0.75 : 1 }}>
      {twentyFourHour && <Typography.Paragraph type="secondary">{t('admin.hours.allDayNote')}</Typography.Paragraph>}
      {WEEKDAYS.map((day) => {
        const ranges = value.weekly[day] ?? [];
        const open = ranges.length > 0;
        return row(day, t(`admin.weekday.${day}` as MessageKey), (
          <Space>
            <Switch size="small" checked={open} aria-label={t(`admin.weekday.${day}` as MessageKey)} data-testid={`hours-${day}-open`}
              onChange={(on) => setDay(day, on ? [...(value.weekly.mon?.length ? value.weekly.mon : ['09:00-18:00'])] : [])} />
            <Typography.Text type={open ? undefined : 'secondary'}>{open ? t('admin.hours.open') : t('admin.hours.closed')}</Typography.Text>
          </Space>
        ), open
          ? <RangeRow ranges={ranges} onChange={(next) => setDay(day, next)} label={t(`admin.weekday.${day}` as MessageKey)} testId={`hours-${day}`} t={t} />
          : null, day);
      })}
      {row('makeup', t('admin.hours.makeupDay'), (
        <Checkbox checked={!value.makeupDay} onChange={(e) => onChange({ ...value, makeupDay: e.target.checked ? undefined : [...(value.weekly.mon ?? ['09:00-18:00'])] })}>
          {t('admin.hours.likeMonday')}
        </Checkbox>
      ), value.makeupDay
        ? <RangeRow ranges={value.makeupDay} onChange={(next) => onChange({ ...value, makeupDay: next })} label={t('admin.hours.makeupDay')} testId="hours-makeup" t={t} />
        : <Typography.Text type="secondary">{(value.weekly.mon ?? []).join('、') || t('admin.hours.closed')}</Typography.Text>, 'makeupDay')}
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginTop: 12 }}>
        <Space>
          <Switch size="small" checked={value.openOnRestDays === true} onChange={(on) => onChange({ ...value, openOnRestDays: on })} aria-label={t('admin.hours.openOnRestDays')} />
          <span>{t('admin.hours.openOnRestDays')}</span>
        </Space>
        <Button size="small" icon={<CopyOutlined />} onClick={copyMonday} disabled={!value.weekly.mon?.length}>{t('admin.hours.copyMonday')}</Button>
      </div>
      {problems.weekly && <div style={{ marginTop: 8 }}>{problem('weekly')}</div>}
    </div>
  );
}
