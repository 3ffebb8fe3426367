import { CalendarError, compileSiteHours, DEFAULT_TIME_ZONE, hasPermission } from '@huiyin/domain';
import type { Static } from 'typebox';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { bumpCalendarVersion } from '../calendar/calendar.repository.js';
import { calendarProblem } from '../calendar/calendar.service.js';
import { siteHoursOf, storedServiceHours, type StoredServiceHours } from '../calendar/site-clock.js';
import { AppError, notFound } from '../errors/app-error.js';
import { findSite, insertSite, type SiteRow } from '../organisations/organisation.repository.js';
import { recomputeOpenClocks } from '../settings/open-clock-recompute.js';
import { canUseSite } from '../work-orders/work-order.policy.js';
import { updateSiteRow } from './site.repository.js';
import type { CreateSiteBody, UpdateSiteBody } from './site.schemas.js';

export function siteView(row: SiteRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    timeZone: row.time_zone,
    twentyFourHour: row.twenty_four_hour === 1,
    address: row.address,
    serviceHours: hoursView(storedServiceHours(row.service_hours_json)),
  };
}

function hoursView(hours: StoredServiceHours | null) {
  if (!hours) return null;
  return {
    weekly: Object.fromEntries(Object.entries(hours.weekly ?? {}).map(([day, ranges]) => [day, [...(ranges ?? [])]])),
    ...(hours.makeupDay ? { makeupDay: [...hours.makeupDay] } : {}),
    ...(hours.openOnRestDays !== undefined ? { openOnRestDays: hours.openOnRestDays } : {}),
  };
}

function requireAdmin(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'org.configure')) throw new AppError('forbidden', 'only an administrator configures sites');
}

function asProblem(error: unknown): never {
  if (error instanceof CalendarError) throw calendarProblem(error);
  throw error;
}

/** The IANA zone as Intl spells it ('asia/shanghai' → 'Asia/Shanghai'); an unknown zone is a 400. */
export function canonicalTimeZone(id: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    throw calendarProblem(new CalendarError('invalid_time_zone', `unknown time zone "${id}"`, { field: 'timeZone', value: id }));
  }
}

type HoursColumns = Pick<SiteRow, 'time_zone' | 'twenty_four_hour' | 'service_hours_json'>;

/**
 * The hours must compile whether or not the site is on 24-hour duty today:
 * switching duty off later must not reveal a broken week. Split shifts,
 * overnight ranges and overlaps are compileSiteHours' to judge.
 */
function checkHours(columns: HoursColumns): void {
  try {
    const stored = storedServiceHours(columns.service_hours_json);
    if (stored) compileSiteHours({ ...stored, timeZone: columns.time_zone, allDay: false });
    compileSiteHours(siteHoursOf(columns));
  } catch (e) {
    asProblem(e);
  }
}

const hoursJson = (hours: StoredServiceHours | null | undefined) => JSON.stringify(hours ?? {});

export async function getSite(app: AppContext, ctx: RequestContext, id: number) {
  if (!hasPermission(ctx.actor.role, 'org.read')) throw new AppError('forbidden', 'staff only');
  const row = await findSite(app.db, ctx.actor.orgId, id);
  if (!row || !canUseSite(ctx.actor, id)) throw notFound('site');
  return siteView(row);
}

export async function createSite(app: AppContext, ctx: RequestContext, body: Static<typeof CreateSiteBody>) {
  requireAdmin(ctx);
  const columns: HoursColumns = {
    time_zone: canonicalTimeZone(body.timeZone ?? DEFAULT_TIME_ZONE),
    // Like the first site of a new organisation: on 24-hour duty unless said otherwise.
    twenty_four_hour: body.twentyFourHour === false ? 0 : 1,
    service_hours_json: hoursJson(body.serviceHours),
  };
  checkHours(columns);
  const row = await app.db.transaction().execute(async (trx) => {
    const site = await insertSite(trx, {
      org_id: ctx.actor.orgId, name: body.name.trim(), kind: body.kind?.trim() ?? 'residential', address: body.address ?? null, created_at: ctx.now.getTime(), ...columns,
    });
    await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'site.create', entityType: 'site', entityId: site.id, after: siteView(site), at: ctx.now, requestId: ctx.requestId });
    return site;
  });
  return siteView(row);
}

/**
 * Change a site. Hours, time zone and 24-hour duty decide deadlines, so a change
 * to any of them bumps the organisation's calendar version and recomputes open
 * deadlines (each move on its order's timeline); a new name does not.
 */
export async function updateSite(app: AppContext, ctx: RequestContext, id: number, body: Static<typeof UpdateSiteBody>) {
  requireAdmin(ctx);
  const before = await findSite(app.db, ctx.actor.orgId, id);
  if (!before) throw notFound('site');
  const columns: HoursColumns = {
    time_zone: body.timeZone !== undefined ? canonicalTimeZone(body.timeZone) : before.time_zone,
    twenty_four_hour: body.twentyFourHour !== undefined ? (body.twentyFourHour ? 1 : 0) : before.twenty_four_hour,
    service_hours_json: body.serviceHours !== undefined ? hoursJson(body.serviceHours) : before.service_hours_json,
  };
  checkHours(columns);
  const clockChanged =
    columns.time_zone !== before.time_zone ||
    columns.twenty_four_hour !== before.twenty_four_hour ||
    JSON.stringify(storedServiceHours(columns.service_hours_json)) !== JSON.stringify(storedServiceHours(before.service_hours_json));

  const { row, calendarVersion } = await app.db.transaction().execute(async (trx) => {
    const version = clockChanged ? await bumpCalendarVersion(trx, ctx.actor.orgId) : undefined;
    const updated = await updateSiteRow(trx, ctx.actor.orgId, id, {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.kind !== undefined ? { kind: body.kind.trim() } : {}),
      ...(body.address !== undefined ? { address: body.address } : {}),
      ...columns,
    });
    if (!updated) throw notFound('site');
    await insertAudit(trx, {
      orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'site.update', entityType: 'site', entityId: id,
      before: siteView(before), after: { ...siteView(updated), ...(version !== undefined ? { calendarVersion: version } : {}) }, at: ctx.now, requestId: ctx.requestId,
    });
    return { row: updated, calendarVersion: version };
  });
  if (calendarVersion === undefined) return siteView(row);
  const recomputed = await recomputeOpenClocks(app.db, { orgId: ctx.actor.orgId, reason: 'calendar_updated', actorId: ctx.actor.userId, now: ctx.now, requestId: ctx.requestId });
  return { ...siteView(row), calendarVersion, recomputed };
}
