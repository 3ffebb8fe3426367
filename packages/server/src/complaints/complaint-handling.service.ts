import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { screenCustomerText } from '../language/language-guard.js';
import { applyChange } from '../work-orders/change-work-order.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';
import { assertDeskAccess } from './classification.service.js';
import { readState, stateColumns, type ComplaintState } from './complaint-state.js';
import { findAgency } from './directory.repository.js';

/**
 * Handling by nature (S1 4.6.3): a non-responsible complaint is explained to the
 * customer (4.6.3.2), an assistance complaint gets the numbers of the agencies
 * that can help (4.6.3.3(1)). Both are told to the customer, so both events are
 * on the customer's timeline, and their words pass the forbidden-phrase check first.
 */
export type HandlingInput =
  | { action: 'explain'; text: string; confirmForbidden?: boolean }
  | { action: 'give_agencies'; agencyIds: number[]; text?: string | null; confirmForbidden?: boolean };

function requireHandledAs(state: ComplaintState, nature: 'non_responsible' | 'assistance', action: string): void {
  if (state.classification.handledAs !== nature) {
    throw new AppError('nature_mismatch', `${action} is for ${nature} complaints; this one is handled as ${state.classification.handledAs}`, {
      handledAs: state.classification.handledAs,
    });
  }
}

export async function recordHandling(app: AppContext, ctx: RequestContext, id: number, input: HandlingInput & { version: number }): Promise<WorkOrderRow> {
  await assertDeskAccess(app, ctx, id);
  const now = ctx.now.getTime();
  return applyChange(app, ctx, id, input.version, async (db, order) => {
    const state = readState(order);
    if (input.action === 'explain') {
      requireHandledAs(state, 'non_responsible', 'explain');
      const text = input.text.trim();
      if (!text) throw new AppError('text_required', 'write what was explained to the customer');
      await screenCustomerText(app, db, ctx, text, input.confirmForbidden === true, { type: 'work_order', id });
      const next: ComplaintState = { ...state, explanation: { text, by: ctx.actor.userId, at: now } };
      return {
        changes: stateColumns(next),
        event: { type: 'explanation_given', data: { text }, customerVisible: true },
        audit: 'complaint.explain',
      };
    }
    requireHandledAs(state, 'assistance', 'give_agencies');
    const ids = [...new Set(input.agencyIds)];
    const agencies = [];
    for (const agencyId of ids) {
      const agency = await findAgency(db, ctx.actor.orgId, agencyId);
      // Only the directory of the order's own site (or the organisation-wide one) applies.
      if (!agency || (agency.site_id !== null && agency.site_id !== order.site_id)) {
        throw new AppError('unknown_reference', `agency ${agencyId} is not in this site's directory`, { field: 'agencyIds' });
      }
      agencies.push({ id: agency.id, service: agency.service, name: agency.name, phone: agency.phone });
    }
    const next: ComplaintState = { ...state, referrals: [...state.referrals, { agencyIds: ids, by: ctx.actor.userId, at: now }] };
    const text = input.text?.trim() || null;
    if (text) await screenCustomerText(app, db, ctx, text, input.confirmForbidden === true, { type: 'work_order', id });
    return {
      changes: stateColumns(next),
      event: { type: 'agencies_given', data: { agencies, ...(text ? { text } : {}) }, customerVisible: true },
      audit: 'complaint.give_agencies',
    };
  });
}
