import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { localDayOf, OPEN_STATUSES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, Id, Nullable } from '../http/schema-helpers.js';
import { listCategories, listDepartments, listSites } from '../organisations/organisation.repository.js';
import { organisationSettings } from '../sla/org-settings.js';
import { localDayRange, localMonthRange } from '../language/local-time.js';
import { readScopeOf } from '../work-orders/work-order.policy.js';
import { clockOutcomesBetween, complaintsByCategoryBetween, intakeBetween, queueCounts, staffDirectory } from './dashboard.queries.js';

const tags = ['dashboard'];
const SiteQuery = Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false });
const DEFAULT_DUE_SOON_MINUTES = 120;

const Counts = Type.Object({
  open: Type.Integer(), mine: Type.Integer(), department: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer(), unassigned: Type.Integer(),
  dueSoonMinutes: Type.Integer(),
});

const Summary = Type.Object({
  timeZone: Type.String(),
  day: Type.String({ description: 'Today in the site’s time zone' }),
  month: Type.String(),
  intakeToday: Type.Array(Type.Object({ channel: Type.String(), kind: Type.String(), count: Type.Integer() })),
  clocksThisMonth: Type.Array(Type.Object({ departmentId: Nullable(Type.Integer()), departmentName: Nullable(Type.String()), met: Type.Integer(), breached: Type.Integer() })),
  complaintsThisMonth: Type.Array(Type.Object({ categoryId: Nullable(Type.Integer()), categoryPath: Nullable(Type.String()), count: Type.Integer() })),
});

const Staff = Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Nullable(Type.String()), role: Type.String(), departmentId: Nullable(Type.Integer()) });

function requireStaff(actor: Actor) {
  if (actor.role === 'customer') throw new AppError('forbidden', 'staff only');
}

/** Today's and this month's bounds in the site's time zone (the first site the user works at by default). */
async function periodOf(app: AppContext, actor: Actor, now: Date, siteId?: number) {
  const sites = await listSites(app.db, actor.orgId);
  const visible = sites.filter((s) => actor.siteIds.length === 0 || actor.siteIds.includes(s.id));
  const site = siteId !== undefined ? visible.find((s) => s.id === siteId) : visible[0];
  if (siteId !== undefined && !site) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteId' });
  const timeZone = site?.time_zone ?? 'Asia/Shanghai';
  const day = localDayOf(now, timeZone);
  const month = day.slice(0, 7);
  const today = localDayRange(day, timeZone);
  const thisMonth = localMonthRange(month, timeZone);
  if (!today || !thisMonth) throw new AppError('internal_error', `no local period for ${day} in ${timeZone}`);
  return { timeZone, day, month, today, thisMonth };
}

/** The desk's queue counts and dashboard figures (issue #4), in the caller's read scope. */
export const dashboardRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/dashboard/queues', {
    schema: { tags, summary: 'How many open orders are in each desk queue (mine, my department, due soon, overdue, unassigned)', querystring: SiteQuery, response: { 200: Counts, ...errorResponses } },
  }, async (request) => {
    const { actor, now } = requestContext(request, app);
    requireStaff(actor);
    const desk = (await organisationSettings(app.db, actor.orgId)).desk as { dueSoonMinutes?: unknown } | undefined;
    const dueSoonMinutes = typeof desk?.dueSoonMinutes === 'number' && desk.dueSoonMinutes > 0 ? Math.round(desk.dueSoonMinutes) : DEFAULT_DUE_SOON_MINUTES;
    const counts = await queueCounts(app.db, {
      scope: readScopeOf(actor), open: OPEN_STATUSES, userId: actor.userId, departmentId: actor.departmentId,
      now: now.getTime(), dueSoonUntil: now.getTime() + dueSoonMinutes * 60_000, siteId: request.query.siteId,
    });
    return { ...counts, dueSoonMinutes };
  });

  fastify.get('/dashboard/summary', {
    schema: { tags, summary: 'Today’s intake by channel and kind; this month’s clocks met/breached by department and complaints by category', querystring: SiteQuery, response: { 200: Summary, ...errorResponses } },
  }, async (request) => {
    const { actor, now } = requestContext(request, app);
    requireStaff(actor);
    const period = await periodOf(app, actor, now, request.query.siteId);
    const scope = readScopeOf(actor);
    const siteId = request.query.siteId;
    const [intake, clocks, complaints, departments, categories] = await Promise.all([
      intakeBetween(app.db, scope, ...period.today, siteId),
      clockOutcomesBetween(app.db, scope, ...period.thisMonth, siteId),
      complaintsByCategoryBetween(app.db, scope, ...period.thisMonth, siteId),
      listDepartments(app.db, actor.orgId),
      listCategories(app.db, actor.orgId),
    ]);
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    const categoryPath = new Map(categories.map((c) => [c.id, c.path]));
    return {
      timeZone: period.timeZone,
      day: period.day,
      month: period.month,
      intakeToday: intake,
      clocksThisMonth: clocks.map((c) => ({ ...c, departmentName: c.departmentId === null ? null : departmentName.get(c.departmentId) ?? null })),
      complaintsThisMonth: complaints
        .map((c) => ({ ...c, categoryPath: c.categoryId === null ? null : categoryPath.get(c.categoryId) ?? null }))
        .sort((a, b) => b.count - a.count),
    };
  });

  fastify.get('/dashboard/staff', {
    schema: { tags, summary: 'Active staff, for the dispatch and transfer pickers', response: { 200: Type.Object({ items: Type.Array(Staff) }), ...errorResponses } },
  }, async (request) => {
    const { actor } = requestContext(request, app);
    requireStaff(actor);
    const rows = await staffDirectory(app.db, actor.orgId);
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name, employeeNo: r.employee_no, role: r.role, departmentId: r.department_id })) };
  });
};
