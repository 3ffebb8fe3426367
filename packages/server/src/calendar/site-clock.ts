import { buildCalendar, createWorkClock, type Calendar, type CalendarLayer, type DayEntry, type SiteHours, type WorkClock } from '@huiyin/domain';
import type { Db } from '../db/types.js';
import type { SiteRow } from '../organisations/organisation.repository.js';
import { declaredOfficialYears, organisationSettings } from '../sla/org-settings.js';
import { calendarVersionOf, listOverrides } from './calendar.repository.js';
import { statutoryCalendarLayer } from './statutory-data.js';

/**
 * Each organisation's calendar is the statutory layer plus its own overrides
 * (a new year's notice entered before the package knows it, closure days), with
 * a site's own overrides on top. Built once per calendar version and cached:
 * every change (override, import, declared year, site hours) bumps the
 * organisation's version, so every server instance rebuilds on its next use.
 */
interface CachedCalendars {
  version: number;
  organisation: Calendar;
  bySite: Map<number, Calendar>;
}

const cache = new Map<number, CachedCalendars>();

async function calendarsOf(db: Db, orgId: number): Promise<CachedCalendars> {
  const version = await calendarVersionOf(db, orgId);
  const cached = cache.get(orgId);
  if (cached && cached.version === version) return cached;
  const overrides = await listOverrides(db, orgId);
  const toEntry = (o: (typeof overrides)[number]): DayEntry => ({ date: o.date, type: o.type as DayEntry['type'], ...(o.name ? { name: o.name } : {}) });
  // A declared year is official for the whole organisation: a notice covers the country, not one site.
  const organisationLayer: CalendarLayer = {
    years: declaredOfficialYears(await organisationSettings(db, orgId)),
    days: overrides.filter((o) => o.site_id === null).map(toEntry),
  };
  const siteDays = new Map<number, DayEntry[]>();
  for (const o of overrides) {
    if (o.site_id === null) continue;
    const days = siteDays.get(o.site_id) ?? [];
    days.push(toEntry(o));
    siteDays.set(o.site_id, days);
  }
  const statutory = statutoryCalendarLayer();
  const fresh: CachedCalendars = {
    version,
    organisation: buildCalendar([statutory, organisationLayer]),
    bySite: new Map([...siteDays].map(([siteId, days]) => [siteId, buildCalendar([statutory, organisationLayer, { days }])])),
  };
  cache.set(orgId, fresh);
  return fresh;
}

/** The calendar of one site (its own overrides on top), or the organisation-wide one for `null`. */
export async function calendarOf(db: Db, orgId: number, siteId: number | null): Promise<{ calendar: Calendar; calendarVersion: number }> {
  const calendars = await calendarsOf(db, orgId);
  const calendar = (siteId !== null ? calendars.bySite.get(siteId) : undefined) ?? calendars.organisation;
  return { calendar, calendarVersion: calendars.version };
}

/** Office hours assumed for a site that is not on 24-hour duty and has none configured. */
export const DEFAULT_SERVICE_HOURS: Pick<SiteHours, 'weekly'> = {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-18:00']])),
};

/** Service hours as stored in sites.service_hours_json (time zone and 24-hour duty are columns). */
export type StoredServiceHours = Pick<SiteHours, 'weekly' | 'makeupDay' | 'openOnRestDays'>;

/** The stored hours, or null when none are configured (the default office hours apply). */
export function storedServiceHours(json: string | null | undefined): StoredServiceHours | null {
  const stored = JSON.parse(json || '{}') as Partial<SiteHours>;
  if (!stored.weekly) return null;
  return {
    weekly: stored.weekly,
    ...(stored.makeupDay ? { makeupDay: stored.makeupDay } : {}),
    ...(stored.openOnRestDays !== undefined ? { openOnRestDays: stored.openOnRestDays } : {}),
  };
}

export function siteHoursOf(site: Pick<SiteRow, 'time_zone' | 'twenty_four_hour' | 'service_hours_json'>): SiteHours {
  if (site.twenty_four_hour === 1) return { timeZone: site.time_zone, allDay: true };
  return { ...(storedServiceHours(site.service_hours_json) ?? DEFAULT_SERVICE_HOURS), timeZone: site.time_zone, allDay: false };
}

export interface SiteClock {
  clock: WorkClock;
  calendarVersion: number;
}

/** The working-time clock of a site, on its organisation's current calendar. */
export async function siteClock(db: Db, site: SiteRow): Promise<SiteClock> {
  const { calendar, calendarVersion } = await calendarOf(db, site.org_id, site.id);
  return { clock: createWorkClock(calendar, siteHoursOf(site)), calendarVersion };
}
