import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Calendar, Card, Col, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, get } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useDesk } from '../session';
import { recomputedText, useSave, type CalendarDay, type CalendarOverride, type DayType, type OverrideList, type Recomputed, useSites } from './adminApi';
import { CalendarDayModal } from './CalendarDayModal';
import { CalendarImportModal } from './CalendarImportModal';

/** Colours of the month view; the legend shows the same. */
export const DAY_STYLE: Record<DayType, { background: string; color: string; badge?: string }> = {
  holiday: { background: '#fff1f0', color: '#cf1322', badge: '#f5222d' },
  makeup_workday: { background: '#fff7e6', color: '#d46b08', badge: '#fa8c16' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
  workday: { background: '#ffffff', color: 'rgba(0,0,0,0.88)' },
};

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
/** The first of the current month in the site's zone, as a plain local date for the month grid. */
const currentMonth = (timeZone: string) => dayjs(dayjs().tz(timeZone).format('YYYY-MM-01'));

/**
 * The calendar that working-day limits count in: statutory holidays and make-up
 * workdays (调休上班) from the built-in data, weekends, and the organisation's or
 * a site's own days on top; a year without official data is a weekends-only
 * guess, marked provisional until the notice is imported.
 */
export function CalendarTab() {
  const { t } = useI18n();
  const desk = useDesk();
  const { sites, siteName } = useSites(desk.sites);
  const save = useSave();
  const [siteId, setSiteId] = useState<number | null>(null);
  const [month, setMonth] = useState<Dayjs>(() => currentMonth(desk.timeZone));
  const [days, setDays] = useState<Map<string, CalendarDay>>(new Map());
  const [overrides, setOverrides] = useState<OverrideList | null>(null);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const year = month.year();

  const reload = useCallback(async () => {
    // The month grid shows six weeks from the week of the 1st; weeks start on Monday or Sunday by language, so a week more either side.
    const from = month.startOf('month').subtract(7, 'day');
    const [list, own] = await Promise.all([
      get<{ items: CalendarDay[] }>('/calendar/days', { site: siteId ?? undefined, from: iso(from), to: iso(from.add(49, 'day')) }),
      get<OverrideList>('/calendar/overrides', { year }),
    ]);
    setDays(new Map(list.items.map((d) => [d.date, d])));
    setOverrides(own);
  }, [month, siteId, year]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // A site's calendar has the organisation's days and its own; the organisation's has only its own.
  const visible = useMemo(() => (overrides?.items ?? []).filter((o) => o.siteId === null || o.siteId === siteId), [overrides, siteId]);
  const overridesOn = (date: string) => visible.filter((o) => o.date === date);
  const scopeName = (id: number | null) => (id === null ? t('admin.calendar.orgWide') : siteName(id));

  const provisional = [...days.values()].some((d) => d.provisional && d.date.startsWith(month.format('YYYY-MM')));
  const official = overrides?.officialYears;

  const remove = async (override: CalendarOverride) => {
    const done = await save(
      () => api<{ recomputed: Recomputed }>('DELETE', `/calendar/overrides/${override.id}`),
      (r) => [t('admin.calendar.removed', { date: override.date }), recomputedText(t, r.recomputed)].filter(Boolean).join('，'),
    );
    if (done) await reload();
  };

  const withdraw = async (y: number) => {
    if (await save(() => api('DELETE', `/calendar/official-years/${y}`), t('admin.calendar.withdrawn', { year: y }))) await reload();
  };

  const cell = (date: Dayjs) => {
    const key = iso(date);
    const day = days.get(key);
    const style = DAY_STYLE[day?.type ?? 'workday'];
    const own = overridesOn(key);
    const inMonth = date.month() === month.month();
    return (
      <div
        data-testid={`day-${key}`} data-type={day?.type} data-provisional={day?.provisional ? 'true' : undefined}
        style={{
          margin: '0 3px', padding: '4px 8px', height: 84, textAlign: 'start', background: style.background, opacity: inMonth ? 1 : 0.45,
          borderTop: `2px solid ${key === dayjs().tz(desk.timeZone).format('YYYY-MM-DD') ? '#1668dc' : 'transparent'}`,
          outline: day?.provisional ? '1px dashed #bfbfbf' : undefined, outlineOffset: -2, borderRadius: 4, overflow: 'hidden',
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span style={{ color: style.color, fontWeight: day?.type === 'holiday' ? 600 : 400 }}>{date.date()}</span>
          {day?.type === 'holiday' && <Tag color="red" style={{ margin: 0, paddingInline: 4, lineHeight: '18px' }}>{t('admin.calendar.rest')}</Tag>}
          {day?.type === 'makeup_workday' && <Tag color="orange" style={{ margin: 0, paddingInline: 4, lineHeight: '18px' }}>{t('admin.calendar.work')}</Tag>}
        </div>
        {day?.name && <div style={{ color: style.color, fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{day.name}</div>}
        {day?.type === 'makeup_workday' && !day.name && <div style={{ color: style.color, fontSize: 12 }}>{t('admin.dayType.makeup_workday')}</div>}
        {own.length > 0 && (
          <div style={{ fontSize: 12, color: '#1668dc', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            ● {own.some((o) => o.siteId !== null) ? t('admin.calendar.siteSet') : t('admin.calendar.orgSet')}
          </div>
        )}
      </div>
    );
  };

  const legend: [string, string, string?][] = [
    [t('admin.dayType.holiday'), DAY_STYLE.holiday.background, DAY_STYLE.holiday.color],
    [t('admin.dayType.makeup_workday'), DAY_STYLE.makeup_workday.background, DAY_STYLE.makeup_workday.color],
    [t('admin.dayType.weekend'), DAY_STYLE.weekend.background],
  ];

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          title={(
            <Space>
              <Button icon={<LeftOutlined />} aria-label={t('admin.calendar.prev')} onClick={() => setMonth(month.subtract(1, 'month'))} data-testid="calendar-prev" />
              <Typography.Text strong style={{ fontSize: 16, minWidth: 110, display: 'inline-block', textAlign: 'center' }} data-testid="calendar-month">{month.format(t('admin.calendar.monthFormat'))}</Typography.Text>
              <Button icon={<RightOutlined />} aria-label={t('admin.calendar.next')} onClick={() => setMonth(month.add(1, 'month'))} data-testid="calendar-next" />
              <Button onClick={() => setMonth(currentMonth(desk.timeZone))}>{t('admin.calendar.thisMonth')}</Button>
            </Space>
          )}
          extra={(
            <Space>
              <Select
                aria-label={t('admin.calendar.scope')} value={siteId ?? 0} onChange={(v: number) => setSiteId(v === 0 ? null : v)} style={{ width: 180 }} data-testid="calendar-scope"
                options={[{ value: 0, label: t('admin.calendar.orgWide') }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
              />
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">{t('admin.calendar.import')}</Button>
            </Space>
          )}
        >
          <Space wrap size={16} style={{ marginBottom: 12 }}>
            {legend.map(([name, background, color]) => (
              <Space key={name} size={6}>
                <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background, border: '1px solid #e5e5e5' }} />
                <span style={{ color }}>{name}</span>
              </Space>
            ))}
            <Space size={6}><span style={{ color: '#1668dc' }}>●</span><span>{t('admin.calendar.ownDay')}</span></Space>
            <Space size={6}><span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, outline: '1px dashed #8c8c8c', outlineOffset: -1 }} /><span>{t('clock.provisional')}</span></Space>
          </Space>
          {provisional && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('admin.calendar.provisional', { year })} data-testid="calendar-provisional" />}
          {/* The weekday names sit over the middle of each day, like the day cells' content. */}
          <style>{'.hy-month-view .ant-picker-content th { text-align: center; padding-inline-end: 0 !important; }'}</style>
          <Calendar
            className="hy-month-view"
            value={month}
            headerRender={() => null}
            fullCellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
            onSelect={(date, { source }) => source === 'date' && setOpenDay(iso(date))}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('admin.calendar.clickHint')}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('admin.calendar.official')} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('admin.calendar.statutory')}：{official && official.statutory.length > 0 ? `${Math.min(...official.statutory)}–${Math.max(...official.statutory)}` : t('common.none')}
          </Typography.Paragraph>
          <Space wrap>
            <span>{t('admin.calendar.declared')}：</span>
            {(official?.declared ?? []).length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
            {(official?.declared ?? []).map((y) => (
              <Popconfirm key={y} title={t('admin.calendar.withdrawConfirm', { year: y })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => withdraw(y)}>
                <Tag color="blue" style={{ cursor: 'pointer' }}>{y} ✕</Tag>
              </Popconfirm>
            ))}
          </Space>
        </Card>
        <Card title={t('admin.calendar.ownDays', { year, n: visible.length })} size="small" styles={{ body: { padding: 0 } }}>
          <Table<CalendarOverride>
            rowKey="id" size="small" dataSource={visible} pagination={{ pageSize: 12, hideOnSinglePage: true }}
            locale={{ emptyText: t('admin.calendar.noOwnDays') }}
            columns={[
              {
                title: t('admin.calendar.date'), dataIndex: 'date', width: 104,
                render: (d: string) => <a style={{ whiteSpace: 'nowrap' }} onClick={() => { setMonth(dayjs(d).startOf('month')); setOpenDay(d); }}>{d}</a>,
              },
              {
                title: t('admin.calendar.type'), dataIndex: 'type',
                render: (type: DayType, o) => (
                  <div>
                    <div>{t(`admin.dayType.${type}` as MessageKey)}{o.name ? ` · ${o.name}` : ''}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{scopeName(o.siteId)}</Typography.Text>
                  </div>
                ),
              },
              {
                title: '', key: 'delete', width: 60,
                render: (_, o) => (
                  <Popconfirm title={t('admin.calendar.removeConfirm', { date: o.date })} okText={t('admin.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(o)}>
                    <Button size="small" type="link" danger>{t('admin.delete')}</Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      {openDay && (
        <CalendarDayModal
          date={openDay} siteId={siteId} scopeName={scopeName(siteId)} day={days.get(openDay)} overrides={overridesOn(openDay)}
          onClose={() => setOpenDay(null)} onChanged={reload} onRemove={remove}
        />
      )}
      {importing && <CalendarImportModal siteId={siteId} scopeName={scopeName(siteId)} year={year} onClose={() => setImporting(false)} onImported={reload} />}
    </Row>
  );
}
