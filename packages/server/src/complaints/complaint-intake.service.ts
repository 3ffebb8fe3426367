import {
  applyClassification,
  classificationAtIntake,
  collectiveRule,
  decisionToChange,
  findSameMatter,
  matchIntoClusters,
  repeatRule,
  type Channel,
  type CollectiveGroup,
  type ComplaintForDetection,
  type MatterFeatures,
  type RecentCluster,
  type UpgradeDecision,
} from '@huiyin/domain';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { insertEvent, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { complaintSettingsOf, type ComplaintSettings } from './complaint-settings.js';
import { initialState, stateColumns, withdrawnReasonsOf, withRecords, withSuggestion, type ComplaintState } from './complaint-state.js';
import { applySystemChange, classificationAudit, insertRecordEvents, notifyGeneralManagers } from './complaint-upgrade.service.js';
import {
  customerComplaintsSince, insertCollectiveGroup, lockSiteForIntake, orderNumbers, ordersByIds, siteComplaintsBetween, writeComplaintColumns,
  type ComplaintForMatching,
} from './complaint.repository.js';
import { matterDeps } from './matter-deps.js';
import { computeMatter, matterColumn, matterOf, readMatter } from './stored-matter.js';

const toDetection = (row: ComplaintForMatching, features: MatterFeatures): ComplaintForDetection => ({
  id: String(row.id),
  customerId: String(row.customer_id),
  siteId: String(row.site_id),
  categoryId: row.category_id === null ? null : String(row.category_id),
  // The customer's own words; the unit is where they live, not necessarily where the matter is.
  text: row.description,
  receivedAt: row.received_at,
  features,
});

interface CollectiveFinding {
  kind: 'completed' | 'joined';
  group: CollectiveGroup;
  /** Earlier complaints that become members now (the new one is handled by the caller). */
  others: WorkOrderRow[];
  existingGroupId: number | null;
}

/**
 * The site's recent complaints as intake placed them, each cluster keyed by its
 * first complaint's id; and those whose place is not known — taken in before
 * places were kept (migration 0009), or whose words were edited since.
 */
function recentClusters(rows: readonly ComplaintForMatching[]): { clusters: RecentCluster[]; unplaced: ComplaintForDetection[] } {
  const byKey = new Map<number, ComplaintForDetection[]>();
  const unplaced: ComplaintForDetection[] = [];
  for (const row of rows) {
    const matter = readMatter(row);
    const complaint = toDetection(row, matter.features);
    if (row.matter_cluster_id === null || !matter.current) unplaced.push(complaint);
    else {
      const members = byKey.get(row.matter_cluster_id) ?? [];
      members.push(complaint);
      byKey.set(row.matter_cluster_id, members);
    }
  }
  return { clusters: [...byKey].map(([key, members]) => ({ key: String(key), members })), unplaced };
}

/**
 * S1 4.6.2.2(5): place the new complaint among the site's recent same-matter
 * clusters, by the features stored at their intake — one comparison with each
 * complaint of the window. A complaint a person took out of a collective group
 * (withdrew the reason) does not count again: that person said it is not the
 * same matter. Returns the cluster to remember for the new complaint, and the
 * collective group it completes or joins, if any.
 */
async function findCollective(
  db: Db, order: WorkOrderRow, features: MatterFeatures, settings: ComplaintSettings,
): Promise<{ clusterId: number; finding: CollectiveFinding | null }> {
  const { windowMs } = settings.collective;
  await lockSiteForIntake(db, order.org_id, order.site_id);
  const rows = await siteComplaintsBetween(db, order.org_id, order.site_id, order.received_at - windowMs, order.received_at + windowMs);
  const others = rows.filter((r) => r.id !== order.id && !withdrawnReasonsOf(r.classification_json).includes('collective'));
  const grouped = new Set(others.filter((r) => r.collective_group_id !== null).map((r) => String(r.id)));
  const { clusters, unplaced } = recentClusters(others);
  const match = matchIntoClusters(toDetection(order, features), clusters, settings.collective, matterDeps, grouped, unplaced);
  const clusterId = match.clusterKey === null ? order.id : Number(match.clusterKey);
  if (match.kind !== 'completed' && match.kind !== 'joined') return { clusterId, finding: null };
  const byId = new Map(others.map((r) => [String(r.id), r]));
  const members = match.group.memberIds.map((id) => byId.get(id)).filter((r): r is ComplaintForMatching => r !== undefined);
  const existingGroupId = match.kind === 'joined' ? (members.find((m) => m.collective_group_id !== null)?.collective_group_id ?? null) : null;
  // Only the complaints that join now are changed, so only they are read whole.
  const fresh = members.filter((m) => match.newMemberIds.includes(String(m.id))).map((m) => m.id);
  const finding = { kind: match.kind, group: match.group, others: await ordersByIds(db, order.org_id, fresh), existingGroupId };
  return { clusterId, finding };
}

/** S1 4.6.2.2(1): the same customer raised the same matter before; a person decides. */
async function findRepeat(
  db: Db, order: WorkOrderRow, features: MatterFeatures, settings: ComplaintSettings,
): Promise<{ decision: UpgradeDecision; relatedOrderIds: number[] } | null> {
  const earlier = (await customerComplaintsSince(db, order.org_id, order.customer_id, order.received_at - settings.repeatLookbackMs, order.id))
    .filter((c) => c.received_at <= order.received_at);
  if (earlier.length === 0) return null;
  const category = (id: number | null) => (id === null ? null : String(id));
  const sameIds = new Set(findSameMatter(
    { text: order.description, categoryId: category(order.category_id), features },
    earlier.map((c) => ({ id: String(c.id), text: c.description, categoryId: category(c.category_id), features: matterOf(c) })),
    settings.collective,
    matterDeps,
  ));
  const same = earlier.filter((c) => sameIds.has(String(c.id)));
  const decision = repeatRule(same.map((c) => ({ id: String(c.id), receivedAt: c.received_at, resolvedAt: c.result_at ?? c.closed_at })), settings.escalation);
  return decision.suggest ? { decision, relatedOrderIds: same.map((c) => c.id) } : null;
}

function summaryOf(group: CollectiveGroup): string {
  const parts = [
    group.matter.buildings.map((b) => `${b}号楼`).join('、'),
    group.matter.objects.join('、'),
    group.matter.problems.join('、'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'same matter';
}

/**
 * A new complaint's classification, inside the intake transaction and before its
 * clocks start: provisional responsible + general (issue #3), the channel rule,
 * collective detection (upgrading the other members too) and the repeat
 * suggestion. Returns the order as written; other kinds pass through untouched.
 */
export async function classifyAtIntake(db: Db, ctx: RequestContext, order: WorkOrderRow): Promise<WorkOrderRow> {
  if (order.kind !== 'complaint') return order;
  const settings = await complaintSettingsOf(db, order.org_id);
  const now = ctx.now.getTime();
  const intake = classificationAtIntake({ kind: 'complaint', channel: order.channel as Channel, receivedAt: order.received_at }, settings.escalation);
  if (!intake.ok) return order;
  let state: ComplaintState = withRecords(initialState(intake.classification), intake.classification, intake.recorded);
  const records = [...intake.recorded];
  const suggestionEvents: Record<string, unknown>[] = [];
  for (const s of intake.suggestions) {
    state = withSuggestion(state, { reason: s.reason, detail: s.detail, at: now, relatedOrderIds: [] });
    suggestionEvents.push({ reason: s.reason, detail: s.detail, relatedOrders: [] });
  }

  const features = computeMatter(order.description);
  const { clusterId, finding: collective } = await findCollective(db, order, features, settings);
  let groupId: number | null = null;
  if (collective) {
    groupId = collective.existingGroupId
      ?? (await insertCollectiveGroup(db, { org_id: order.org_id, site_id: order.site_id, summary: summaryOf(collective.group), created_at: now })).id;
    const added = applyClassification(state.classification, decisionToChange(collectiveRule(String(order.id), collective.group), now));
    if (added.ok) {
      state = withRecords(state, added.classification, added.recorded);
      records.push(...added.recorded);
    }
  }

  const repeat = await findRepeat(db, order, features, settings);
  if (repeat) {
    state = withSuggestion(state, { reason: repeat.decision.reason, detail: repeat.decision.detail, at: now, relatedOrderIds: repeat.relatedOrderIds });
    const related = await orderNumbers(db, order.org_id, repeat.relatedOrderIds);
    suggestionEvents.push({ reason: repeat.decision.reason, detail: repeat.decision.detail, relatedOrders: related });
  }

  const updated = await writeComplaintColumns(db, order.org_id, order.id, { ...stateColumns(state), collective_group_id: groupId, matter_json: matterColumn(order.description, features), matter_cluster_id: clusterId }, { bumpVersion: false, now });
  await insertRecordEvents(db, updated, records, null, now);
  for (const data of suggestionEvents) {
    await insertEvent(db, { org_id: order.org_id, work_order_id: order.id, type: 'upgrade_suggested', actor_id: null, at: now, data_json: JSON.stringify(data), customer_visible: 0 });
  }
  // The provisional classification is the documented default and the creation is audited already;
  // what the rules added on top (an automatic upgrade) gets its own record saying why.
  if (records.some((r) => r.event !== 'provisional_at_intake')) await insertAudit(db, {
    orgId: order.org_id, actorId: null, action: 'complaint.automatic_upgrade', entityType: 'work_order', entityId: order.id,
    after: { ...classificationAudit(state.classification), why: records.map((r) => r.detail), suggestions: state.suggestions, collectiveGroupId: groupId },
    at: ctx.now, requestId: ctx.requestId,
  });

  if (collective && groupId !== null) await recordCollective(db, updated, collective, groupId, now);
  else if (state.classification.severity === 'major') {
    const reason = state.reasons[0];
    await notifyGeneralManagers(db, updated, 'major_complaint', { reason: reason?.reason ?? null, detail: reason?.detail ?? '' }, now);
  }
  return updated;
}

/** Upgrades the other members, tells the timeline of the new one and the general manager(s). */
async function recordCollective(db: Db, order: WorkOrderRow, finding: CollectiveFinding, groupId: number, now: number) {
  for (const member of finding.others) {
    await applySystemChange(db, member, decisionToChange(collectiveRule(String(member.id), finding.group), now), {
      now, clockReason: 'classification:collective', columns: { collective_group_id: groupId }, notifyMajor: false,
    });
  }
  const memberIds = finding.group.memberIds.map(Number);
  const numberOf = new Map((await orderNumbers(db, order.org_id, memberIds)).map((m) => [m.id, m.number]));
  // In the group's time order: a backdated letter may carry a later number than the calls after it.
  const numbers = memberIds.map((id) => numberOf.get(id)).filter((n): n is string => n !== undefined);
  const data = {
    groupId, kind: finding.kind, distinctCustomers: finding.group.distinctCustomers, members: numbers, summary: summaryOf(finding.group),
  };
  await insertEvent(db, { org_id: order.org_id, work_order_id: order.id, type: 'collective_detected', actor_id: null, at: now, data_json: JSON.stringify(data), customer_visible: 0 });
  await notifyGeneralManagers(db, order, 'collective_complaint', data, now);
}
