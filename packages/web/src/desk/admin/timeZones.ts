/** IANA time zones for the site editor: the ones a Chinese service center most often needs first, then every zone the browser knows. */
const FIRST = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul'];

/** "UTC+08:00" for a zone at this moment (daylight-saving zones change through the year). */
export function utcOffset(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    const text = part?.value.replace('GMT', 'UTC') ?? '';
    return text === 'UTC' ? 'UTC+00:00' : text;
  } catch {
    return '';
  }
}

let cached: { value: string; label: string }[] | null = null;

export function timeZoneOptions(): { value: string; label: string }[] {
  if (cached) return cached;
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : FIRST;
  const ordered = [...FIRST, ...all.filter((z) => !FIRST.includes(z))];
  cached = ordered.map((zone) => ({ value: zone, label: `${zone}（${utcOffset(zone)}）` }));
  return cached;
}
