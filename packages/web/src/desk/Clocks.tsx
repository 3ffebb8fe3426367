import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { label, useI18n } from '../shared/i18n';
import { formatAt, formatDuration } from '../shared/time';
import type { Clock } from '../shared/types';
import { useNow } from '../shared/useNow';

const STATE_COLOR: Record<string, string> = { running: 'blue', paused: 'default', warned: 'orange', breached: 'red', met: 'green', cancelled: 'default' };

/** Every SLA clock of an order as a live countdown (issue #4): "provisional" when the calendar year is a guess. */
export function Clocks({ clocks, timeZone }: { clocks: Clock[]; timeZone: string }) {
  const { t } = useI18n();
  const now = useNow(1000);
  if (clocks.length === 0) return <Typography.Text type="secondary">{t('order.noClocks')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {clocks.map((clock) => {
        const due = Date.parse(clock.dueAt);
        const started = Date.parse(clock.startedAt);
        const live = clock.state === 'running' || clock.state === 'warned' || clock.state === 'breached';
        const left = due - now;
        const percent = live ? Math.min(100, Math.max(0, ((now - started) / Math.max(1, due - started)) * 100)) : clock.state === 'met' ? 100 : 0;
        return (
          <div key={`${clock.kind}-${clock.startedAt}`} data-testid={`clock-${clock.kind}`} data-state={clock.state}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Space size={6}>
                <Typography.Text strong>{label(t, 'clock', clock.kind)}</Typography.Text>
                <Tag color={STATE_COLOR[clock.state]}>{label(t, 'clock.state', clock.state)}</Tag>
                {clock.provisional && (
                  <Tooltip title={t('clock.provisionalHint')}><Tag color="gold" data-testid="provisional">{t('clock.provisional')}</Tag></Tooltip>
                )}
              </Space>
              <Typography.Text className="hy-countdown" type={live && left < 0 ? 'danger' : undefined} strong data-testid="countdown">
                {live
                  ? left < 0 ? t('clock.over', { time: formatDuration(t, left) }) : t('clock.left', { time: formatDuration(t, left) })
                  : clock.metAt ? t('clock.metAt', { at: formatAt(t, clock.metAt, timeZone) }) : ''}
              </Typography.Text>
            </Space>
            {live && <Progress percent={percent} showInfo={false} size="small" status={left < 0 ? 'exception' : clock.state === 'warned' ? 'normal' : 'active'} strokeColor={left < 0 ? '#cf1322' : clock.state === 'warned' ? '#fa8c16' : undefined} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('clock.due', { at: formatAt(t, clock.dueAt, timeZone) })}</Typography.Text>
          </div>
        );
      })}
    </Space>
  );
}
