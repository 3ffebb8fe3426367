import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Translate } from './i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An instant shown as the site's local time, in the language's format. */
export function formatAt(t: Translate, iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE, format: 'fmt.dateTime' | 'fmt.date' | 'fmt.time' = 'fmt.dateTime'): string {
  if (!iso) return '';
  return dayjs(iso).tz(timeZone).format(t(format));
}

/** "2天3小时", "5分12秒", "3h 20m": the two largest units, seconds only under an hour. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (days) parts.push(t('clock.days', { n: days }), t('clock.hours', { n: hours }));
  else if (hours) parts.push(t('clock.hours', { n: hours }), t('clock.minutes', { n: minutes }));
  else parts.push(t('clock.minutes', { n: minutes }), t('clock.seconds', { n: seconds }));
  return parts.join(t('clock.days', { n: 0 }).startsWith('0d') ? ' ' : '');
}

/** A "local date-time" input value (site time) → ISO instant. */
export function localInputToIso(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  return dayjs.tz(value, timeZone).toISOString();
}
