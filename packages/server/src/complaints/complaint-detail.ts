import { authorityFor, type Authority, type Channel } from '@huiyin/domain';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';
import { complaintSettingsOf } from './complaint-settings.js';
import { readState } from './complaint-state.js';
import { collectiveMembers, findCollectiveGroup, orderNumbers, usersByIds } from './complaint.repository.js';
import { latestConfirmation } from './confirmation.repository.js';
import { toConfirmationView } from './confirmation.service.js';
import { listAgencies } from './directory.repository.js';
import { suggestedDepartmentFor, toAgencyView } from './directory.service.js';

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

const authorityView = (a: Authority) => ({ lead: a.lead, assist: [...a.assist], cases: [...a.cases] });

type Person = { id: number; name: string; employeeNo: string | null } | null;

/** A collective group with its members, for the detail view and the desk's queue. */
export async function collectiveGroupViews(db: Db, orgId: number, groups: readonly { id: number; site_id: number; summary: string; created_at: number }[]) {
  const members = await collectiveMembers(db, orgId, groups.map((g) => g.id));
  return groups.map((g) => {
    const own = members.filter((m) => m.collective_group_id === g.id);
    return {
      id: g.id,
      siteId: g.site_id,
      summary: g.summary,
      createdAt: new Date(g.created_at).toISOString(),
      distinctCustomers: new Set(own.map((m) => m.customer_id)).size,
      members: own.map((m) => ({ id: m.id, number: m.number, status: m.status, severity: m.severity, receivedAt: new Date(m.received_at).toISOString() })),
    };
  });
}

async function complaintView(db: Db, order: WorkOrderRow) {
  const state = readState(order);
  const c = state.classification;
  const settings = await complaintSettingsOf(db, order.org_id);
  const bookedBy = c.determination ? Number(c.determination.bookedBy) : null;
  const userIds = [
    ...state.reasons.map((r) => r.by), order.classified_by, bookedBy, state.explanation?.by ?? null,
  ].filter((id): id is number => id !== null && Number.isInteger(id));
  const users = new Map((await usersByIds(db, order.org_id, [...new Set(userIds)])).map((u) => [u.id, u]));
  const person = (id: number | null): Person => {
    const user = id === null ? undefined : users.get(id);
    return user ? { id: user.id, name: user.display_name, employeeNo: user.employee_no } : null;
  };
  const group = order.collective_group_id === null ? undefined : await findCollectiveGroup(db, order.org_id, order.collective_group_id);
  const related = await orderNumbers(db, order.org_id, state.suggestions.flatMap((s) => s.relatedOrderIds));
  const agencies = c.handledAs === 'assistance' ? (await listAgencies(db, order.org_id, order.site_id)).map(toAgencyView) : [];
  return {
    nature: c.nature,
    handledAs: c.handledAs,
    natureConfirmed: c.natureConfirmed,
    severity: c.severity,
    basis: state.basis,
    classifiedAt: iso(order.classified_at),
    classifiedBy: person(order.classified_by),
    majorReasons: state.reasons.map((r) => ({ reason: r.reason, detail: r.detail, at: iso(r.at) as string, by: person(r.by), automatic: r.by === null })),
    withdrawnReasons: [...c.withdrawnReasons],
    determination: c.determination
      ? {
          appointmentAt: iso(c.determination.appointmentAt) as string,
          attendees: [...c.determination.attendees],
          bookedBy: person(bookedBy),
          bookedAt: iso(c.determination.bookedAt) as string,
          pending: c.nature === 'undetermined',
        }
      : null,
    collectiveGroup: group ? ((await collectiveGroupViews(db, order.org_id, [group]))[0] ?? null) : null,
    upgradeSuggestions: state.suggestions.map((s) => ({
      reason: s.reason,
      detail: s.detail,
      at: iso(s.at) as string,
      relatedOrders: related.filter((r) => s.relatedOrderIds.includes(r.id)),
    })),
    authority: authorityView(authorityFor(c, order.channel as Channel, settings.authority)),
    explanation: c.handledAs === 'non_responsible'
      ? { status: state.explanation ? ('done' as const) : ('pending' as const), text: state.explanation?.text ?? null, at: iso(state.explanation?.at), by: person(state.explanation?.by ?? null) }
      : null,
    agencies,
  };
}

/**
 * What the work-order detail adds for complaint handling: the classification
 * (staff only: customers see their complaint's progress, not its grading), the
 * department routing suggests, and the customer's confirmation.
 */
export async function complaintDetailOf(db: Db, actor: Actor, order: WorkOrderRow) {
  const confirmationRow = await latestConfirmation(db, actor.orgId, order.id);
  // A confirmation answers one result: a reopened order owes a new one for its next result.
  const current = confirmationRow && order.result_at !== null && confirmationRow.created_at >= order.result_at;
  const confirmation = current ? toConfirmationView(confirmationRow, { withImage: false }) : null;
  if (actor.role === 'customer') return { complaint: null, suggestedDepartmentId: null, confirmation };
  const [complaint, suggestedDepartmentId] = await Promise.all([
    order.kind === 'complaint' ? complaintView(db, order) : Promise.resolve(null),
    suggestedDepartmentFor(db, actor.orgId, order.category_id),
  ]);
  return { complaint, suggestedDepartmentId, confirmation };
}
