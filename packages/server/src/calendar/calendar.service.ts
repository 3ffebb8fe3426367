import { CalendarError, hasPermission, parseCalendarIcs, parseCalendarJson, validateDayEntry, type DayEntry, type DayType } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { AppError, notFound } from '../errors/app-error.js';
import { findSite } from '../organisations/organisation.repository.js';
import { recomputeOpenClocks, type RecomputeResult } from '../settings/open-clock-recompute.js';
import { declaredOfficialYears, organisationSettings, updateOrganisationSettings } from '../sla/org-settings.js';
import { canUseSite } from '../work-orders/work-order.policy.js';
import {
  bumpCalendarVersion, deleteOverride, findOverride, listOverrides, replaceOverrides, upsertOverride, type CalendarOverrideRow, type OverrideFilter,
} from './calendar.repository.js';
import { calendarOf } from './site-clock.js';
import { statutoryCalendarLayer } from './statutory-data.js';

/** Longest span one request may list: a year and a bit, enough for any calendar screen. */
export const MAX_LISTED_DAYS = 400;
/** Most days one import may bring: ten years of a busy calendar. */
export const MAX_IMPORTED_DAYS = 4000;

/** A calendar parser's complaint as a 400 problem that says where: entry index, ICS line, field. */
export function calendarProblem(error: CalendarError): AppError {
  return new AppError('calendar_invalid', error.message, { calendarCode: error.code, ...error.detail });
}

function requireAdmin(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'org.configure')) throw new AppError('forbidden', 'only an administrator changes the calendar');
}

function requireStaff(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'org.read')) throw new AppError('forbidden', 'staff only');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a real YYYY-MM-DD date, or a 400 naming the parameter. */
function dayNumber(value: string, field: string): number {
  const m = ISO_DATE.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new AppError('validation_failed', `${field} must be a date as YYYY-MM-DD, got "${value}"`, { errors: [{ field, message: 'not a date' }] });
  }
  return ms / 86_400_000;
}

export async function listCalendarDays(app: AppContext, ctx: RequestContext, query: { site?: number; from: string; to: string }) {
  requireStaff(ctx);
  const siteId = query.site ?? null;
  // A site outside the caller's scope is as unknown to them as another organisation's.
  if (siteId !== null && (!(await findSite(app.db, ctx.actor.orgId, siteId)) || !canUseSite(ctx.actor, siteId))) throw notFound('site');
  const span = dayNumber(query.to, 'to') - dayNumber(query.from, 'from') + 1;
  if (span < 1) throw new AppError('validation_failed', 'to is before from', { errors: [{ field: 'to', message: 'before from' }] });
  if (span > MAX_LISTED_DAYS) {
    throw new AppError('validation_failed', `at most ${MAX_LISTED_DAYS} days at once, asked for ${span}`, { errors: [{ field: 'to', message: 'range too long' }] });
  }
  const { calendar, calendarVersion } = await calendarOf(app.db, ctx.actor.orgId, siteId);
  return { siteId, calendarVersion, items: calendar.days(query.from, query.to) };
}

export function overrideView(row: CalendarOverrideRow) {
  return { id: row.id, siteId: row.site_id, date: row.date, type: row.type as DayType, name: row.name, createdBy: row.created_by, createdAt: new Date(row.created_at).toISOString() };
}

async function officialYears(db: Db, orgId: number) {
  return { statutory: [...(statutoryCalendarLayer().years ?? [])], declared: declaredOfficialYears(await organisationSettings(db, orgId)) };
}

export async function listCalendarOverrides(app: AppContext, ctx: RequestContext, filter: OverrideFilter) {
  requireStaff(ctx);
  const rows = await listOverrides(app.db, ctx.actor.orgId, filter);
  return { items: rows.map(overrideView), officialYears: await officialYears(app.db, ctx.actor.orgId) };
}

export interface CalendarChange<T> {
  value: T;
  calendarVersion: number;
  recomputed: RecomputeResult;
}

/**
 * Every calendar change: bump the version (which takes the organisation's
 * lock), make the change and its audit record in one transaction; then bring
 * open deadlines onto the new calendar, in batches (see open-clock-recompute.ts).
 */
export async function changeCalendar<T>(app: AppContext, ctx: RequestContext, change: (trx: Db, version: number) => Promise<T>): Promise<CalendarChange<T>> {
  const { value, calendarVersion } = await app.db.transaction().execute(async (trx) => {
    const version = await bumpCalendarVersion(trx, ctx.actor.orgId);
    return { value: await change(trx, version), calendarVersion: version };
  });
  const recomputed = await recomputeOpenClocks(app.db, {
    orgId: ctx.actor.orgId, reason: 'calendar_updated', actorId: ctx.actor.userId, now: ctx.now, requestId: ctx.requestId,
  });
  return { value, calendarVersion, recomputed };
}

async function checkSite(db: Db, ctx: RequestContext, siteId: number | null): Promise<void> {
  if (siteId !== null && !(await findSite(db, ctx.actor.orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteId' });
}

function audit(trx: Db, ctx: RequestContext, action: string, entityId: string | number, before: unknown, after: unknown) {
  return insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action, entityType: 'calendar', entityId, before, after, at: ctx.now, requestId: ctx.requestId });
}

export async function setCalendarOverride(app: AppContext, ctx: RequestContext, input: { siteId?: number | null; date: string; type: DayType; name?: string | null }) {
  requireAdmin(ctx);
  let entry: DayEntry;
  try {
    entry = validateDayEntry({ date: input.date, type: input.type, name: input.name ?? undefined }, 0);
  } catch (e) {
    if (e instanceof CalendarError) throw calendarProblem(e);
    throw e;
  }
  const siteId = input.siteId ?? null;
  await checkSite(app.db, ctx, siteId);
  const change = await changeCalendar(app, ctx, async (trx, version) => {
    const id = await upsertOverride(trx, {
      orgId: ctx.actor.orgId, siteId, date: entry.date, type: entry.type, name: entry.name ?? null, createdBy: ctx.actor.userId, createdAt: ctx.now.getTime(),
    });
    const row = (await findOverride(trx, ctx.actor.orgId, id))!;
    await audit(trx, ctx, 'calendar.override.set', id, undefined, { ...overrideView(row), calendarVersion: version });
    return row;
  });
  return { override: overrideView(change.value), calendarVersion: change.calendarVersion, recomputed: change.recomputed };
}

export async function removeCalendarOverride(app: AppContext, ctx: RequestContext, id: number) {
  requireAdmin(ctx);
  // Unknown ids are refused before the version moves, so nothing is recomputed for nothing.
  if (!(await findOverride(app.db, ctx.actor.orgId, id))) throw notFound('calendar override');
  const change = await changeCalendar(app, ctx, async (trx, version) => {
    const row = await findOverride(trx, ctx.actor.orgId, id);
    if (!row || !(await deleteOverride(trx, ctx.actor.orgId, id))) throw notFound('calendar override');
    await audit(trx, ctx, 'calendar.override.delete', id, overrideView(row), { calendarVersion: version });
  });
  return { calendarVersion: change.calendarVersion, recomputed: change.recomputed };
}

export interface ImportInput {
  format: 'ics' | 'json';
  content: string | unknown[];
  siteId?: number | null;
  officialYear?: number;
}

function parseImport(input: ImportInput): DayEntry[] {
  if (input.format === 'ics' && typeof input.content !== 'string') {
    throw new AppError('validation_failed', 'an ICS import sends the file text as content', { errors: [{ field: 'content', message: 'must be a string' }] });
  }
  try {
    return input.format === 'ics' ? parseCalendarIcs(input.content as string) : parseCalendarJson(input.content);
  } catch (e) {
    if (e instanceof CalendarError) throw calendarProblem(e);
    throw e;
  }
}

/**
 * Import a holiday calendar (a State Council notice typed up as JSON, a
 * published .ics, a site's closure days). `officialYear` says the file is the
 * complete notice for that year: the year stops being a weekends-only guess,
 * and deadlines in it stop being provisional.
 */
export async function importCalendar(app: AppContext, ctx: RequestContext, input: ImportInput) {
  requireAdmin(ctx);
  const siteId = input.siteId ?? null;
  if (input.officialYear !== undefined && siteId !== null) {
    throw new AppError('validation_failed', 'officialYear declares a national notice: import it for the whole organisation, without siteId', {
      errors: [{ field: 'officialYear', message: 'not with siteId' }],
    });
  }
  const entries = parseImport(input);
  if (entries.length === 0) throw calendarProblem(new CalendarError('invalid_json', 'the import contains no days'));
  if (entries.length > MAX_IMPORTED_DAYS) {
    throw calendarProblem(new CalendarError('invalid_range', `at most ${MAX_IMPORTED_DAYS} days per import, got ${entries.length}`));
  }
  const year = input.officialYear;
  if (year !== undefined && !entries.some((e) => e.date.startsWith(`${year}-`))) {
    throw calendarProblem(new CalendarError('invalid_range', `officialYear ${year}: the import has no day in that year`, { field: 'officialYear', value: String(year) }));
  }
  await checkSite(app.db, ctx, siteId);
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const change = await changeCalendar(app, ctx, async (trx, version) => {
    const replaced = await replaceOverrides(trx, { orgId: ctx.actor.orgId, siteId, createdBy: ctx.actor.userId, createdAt: ctx.now.getTime() },
      sorted.map((e) => ({ date: e.date, type: e.type, name: e.name ?? null })));
    if (year !== undefined) {
      await updateOrganisationSettings(trx, ctx.actor.orgId, (doc) => ({
        ...doc, calendar: { ...doc.calendar, officialYears: [...new Set([...declaredOfficialYears(doc), year])].sort((a, b) => a - b) },
      }));
    }
    const summary = { format: input.format, siteId, officialYear: year ?? null, days: sorted.length, replaced, from: sorted[0]?.date, to: sorted[sorted.length - 1]?.date };
    await audit(trx, ctx, 'calendar.import', ctx.actor.orgId, undefined, { ...summary, calendarVersion: version });
    return summary;
  });
  return { imported: change.value.days, replaced: change.value.replaced, officialYear: year ?? null, calendarVersion: change.calendarVersion, recomputed: change.recomputed };
}

/** Undo a declaration made by mistake: the year is provisional again (its imported days stay). */
export async function withdrawOfficialYear(app: AppContext, ctx: RequestContext, year: number) {
  requireAdmin(ctx);
  if (!declaredOfficialYears(await organisationSettings(app.db, ctx.actor.orgId)).includes(year)) throw notFound('declared official year');
  const change = await changeCalendar(app, ctx, async (trx, version) => {
    await updateOrganisationSettings(trx, ctx.actor.orgId, (doc) => ({
      ...doc, calendar: { ...doc.calendar, officialYears: declaredOfficialYears(doc).filter((y) => y !== year) },
    }));
    await audit(trx, ctx, 'calendar.official_year.withdraw', year, { officialYear: year }, { calendarVersion: version });
  });
  return { calendarVersion: change.calendarVersion, recomputed: change.recomputed };
}
