import { buildCalendar, createWorkClock, type Calendar, type CalendarLayer, type SiteHours, type WorkClock } from '@huiyin/domain';
import type { Db } from '../db/types.js';
import type { SiteRow } from '../organisations/organisation.repository.js';
import { calendarVersionOf, listOverrides } from './calendar.repository.js';
import { statutoryCalendarLayer } from './statutory-data.js';

/**
 * Each organisation's calendar is the statutory layer plus its own overrides
 * (a new year's notice entered before the package knows it, closure days), with
 * a site's own overrides on top. Built once per calendar version and cached:
 * an override bumps the organisation's version, so every server instance
 * rebuilds on its next use.
 */
interface CachedCalendars {
  version: number;
  organisation: Calendar;
  bySite: Map<number, Calendar>;
  layers: { organisation: CalendarLayer; sites: Map<number, CalendarLayer> };
}

const cache = new Map<number, CachedCalendars>();

async function calendarsOf(db: Db, orgId: number): Promise<CachedCalendars> {
  const version = await calendarVersionOf(db, orgId);
  const cached = cache.get(orgId);
  if (cached && cached.version === version) return cached;
  const overrides = await listOverrides(db, orgId);
  const toEntry = (o: (typeof overrides)[number]) => ({ date: o.date, type: o.type as never, ...(o.name ? { name: o.name } : {}) });
  const organisationLayer: CalendarLayer = { days: overrides.filter((o) => o.site_id === null).map(toEntry) };
  const siteLayers = new Map<number, CalendarLayer>();
  for (const o of overrides) {
    if (o.site_id === null) continue;
    const layer = siteLayers.get(o.site_id) ?? { days: [] };
    siteLayers.set(o.site_id, { days: [...layer.days, toEntry(o)] });
  }
  const statutory = statutoryCalendarLayer();
  const fresh: CachedCalendars = {
    version,
    organisation: buildCalendar([statutory, organisationLayer]),
    bySite: new Map([...siteLayers].map(([siteId, layer]) => [siteId, buildCalendar([statutory, organisationLayer, layer])])),
    layers: { organisation: organisationLayer, sites: siteLayers },
  };
  cache.set(orgId, fresh);
  return fresh;
}

/** Office hours assumed for a site that is not on 24-hour duty and has none configured. */
export const DEFAULT_SERVICE_HOURS: Pick<SiteHours, 'weekly'> = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-18:00']])),
};

export function siteHoursOf(site: Pick<SiteRow, 'time_zone' | 'twenty_four_hour' | 'service_hours_json'>): SiteHours {
  if (site.twenty_four_hour === 1) return { timeZone: site.time_zone, allDay: true };
  const stored = JSON.parse(site.service_hours_json || '{}') as Partial<SiteHours>;
  return { ...(stored.weekly ? stored : DEFAULT_SERVICE_HOURS), timeZone: site.time_zone, allDay: false };
}

export interface SiteClock {
  clock: WorkClock;
  calendarVersion: number;
}

/** The working-time clock of a site, on its organisation's current calendar. */
export async function siteClock(db: Db, site: SiteRow): Promise<SiteClock> {
  const calendars = await calendarsOf(db, site.org_id);
  const calendar = calendars.bySite.get(site.id) ?? calendars.organisation;
  return { clock: createWorkClock(calendar, siteHoursOf(site)), calendarVersion: calendars.version };
}
