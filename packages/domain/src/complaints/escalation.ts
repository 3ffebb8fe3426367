/**
 * Upgrade rules for major complaints (S1 4.6.2.2) and who handles a complaint
 * (S1 4.6.2.3). Every rule returns a decision value; applying it is
 * `applyClassification`'s job, so a rule can be evaluated again and again
 * (sweeps, intake at the site) without side effects.
 *
 * Calendar-free on purpose: "one month" depends on the site's time zone and on
 * month lengths, which the calendar module owns. The caller passes the due
 * instant it computed (`WorkClock.addMonths(receivedAt, 1)`).
 */
import type { Channel } from '../work-orders/work-order-types.js';
import {
  DEFAULT_ESCALATION_SETTINGS,
  type ComplaintClassification,
  type EscalationSettings,
  type UpgradeDecision,
} from './types.js';

const none = (reason: UpgradeDecision['reason'], detail: string): UpgradeDecision => ({
  upgrade: false,
  suggest: false,
  reason,
  detail,
});

export interface OneMonthInput {
  readonly classification: ComplaintClassification;
  readonly now: number;
  /** receivedAt + 1 month, from the calendar (same local date and time). */
  readonly oneMonthDueAt: number;
  /** When the complaint was reasonably resolved (result accepted), if it was. */
  readonly resolvedAt?: number | null;
}

/**
 * (a) S1 4.6.2.2(3) "责任投诉在一个月内得不到合理解决". The month is the half-open
 * interval [receivedAt, dueAt): at the due instant itself the month has passed,
 * so a complaint still open then is upgraded. A resolution at or after the due
 * instant came too late and does not undo the upgrade (a late sweep still
 * records it).
 */
export function oneMonthRule(input: OneMonthInput): UpgradeDecision {
  const reason = 'unresolved_one_month';
  const { classification, now, oneMonthDueAt, resolvedAt } = input;
  if (classification.handledAs !== 'responsible') {
    return none(reason, `only responsible complaints are graded; this one is handled as ${classification.handledAs}`);
  }
  if (resolvedAt != null && resolvedAt < oneMonthDueAt) return none(reason, 'resolved within one month');
  if (now < oneMonthDueAt) return none(reason, `one month ends at ${new Date(oneMonthDueAt).toISOString()}`);
  return {
    upgrade: true,
    suggest: false,
    reason,
    detail: `responsible complaint not resolved within one month (due ${new Date(oneMonthDueAt).toISOString()})`,
  };
}

/**
 * (b) S1 4.6.2.2(4) "政府部门受理或在新闻媒体曝光致使公司形象受到损害的投诉". The seed's
 * criterion includes the damage to the company's image, which the channel alone
 * does not show (seed-notes 7); the issue asks for an automatic upgrade. The
 * setting `channelUpgrade` chooses: 'automatic' (issue, default) or 'suggest'
 * (seed: a person confirms the damage).
 */
export function channelRule(channel: Channel, settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS): UpgradeDecision {
  const reason = 'government_or_media';
  if (!settings.governmentOrMediaChannels.includes(channel)) return none(reason, `channel ${channel} is not a government or media channel`);
  const automatic = settings.channelUpgrade === 'automatic';
  return {
    upgrade: automatic,
    suggest: !automatic,
    reason,
    detail: automatic
      ? `received through ${channel}: upgraded automatically (setting channelUpgrade=automatic)`
      : `received through ${channel}: confirm whether it damages the company's image (S1 4.6.2.2(4)) before upgrading`,
  };
}

/** What the collective rule needs to know of a detected group (see collective-detection.ts). */
export interface CollectiveGroupLike {
  readonly memberIds: readonly string[];
  readonly distinctCustomers: number;
}

/**
 * (c) S1 4.6.2.2(5) "集体投诉": every member of a detected group is major, the
 * first complaints included (they were general until the group formed).
 */
export function collectiveRule(complaintId: string, group: CollectiveGroupLike | null): UpgradeDecision {
  const reason = 'collective';
  if (!group || !group.memberIds.includes(complaintId)) return none(reason, 'not part of a collective complaint');
  return {
    upgrade: true,
    suggest: false,
    reason,
    detail: `collective complaint: ${group.distinctCustomers} customers, ${group.memberIds.length} complaints about the same matter`,
  };
}

/** One decision per member, for the server to apply to each complaint of a group. */
export function collectiveDecisions(group: CollectiveGroupLike): { complaintId: string; decision: UpgradeDecision }[] {
  return group.memberIds.map((complaintId) => ({ complaintId, decision: collectiveRule(complaintId, group) }));
}

/** An earlier complaint of the same customer about the same matter. */
export interface PriorComplaint {
  readonly id: string;
  readonly receivedAt: number;
  readonly resolvedAt?: number | null;
}

/**
 * (d) S1 4.6.2.2(1) "经客户多次提出而得不到解决". Whether the promised service was
 * really not delivered is a judgement, so this is only ever a suggestion. An
 * earlier complaint that was closed counts too: the matter came back, so it was
 * not resolved.
 */
export function repeatRule(
  priorSameMatter: readonly PriorComplaint[],
  settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS,
): UpgradeDecision {
  const reason = 'repeated_unresolved';
  const times = priorSameMatter.length + 1;
  if (times < settings.repeatMinTimes) return none(reason, `raised ${times} time(s); a suggestion needs ${settings.repeatMinTimes}`);
  const open = priorSameMatter.filter((p) => p.resolvedAt == null).length;
  return {
    upgrade: false,
    suggest: true,
    reason,
    detail: `the customer has raised this matter ${times} times (${open} earlier still open): confirm whether it is major (S1 4.6.2.2(1))`,
  };
}

// ---------------------------------------------------------------------------
// Authority (处理权限)

/** Parties named in S1 4.6.2.3. `responsible_department` = the department routing picks (sales, coaching, engineering …). */
export const HANDLING_PARTIES = ['general_manager', 'customer_service', 'responsible_department', 'management_representative'] as const;
export type HandlingParty = (typeof HANDLING_PARTIES)[number];

export const AUTHORITY_CASES = ['major', 'government_or_media', 'responsible', 'non_responsible', 'assistance'] as const;
export type AuthorityCase = (typeof AUTHORITY_CASES)[number];

export interface AuthorityRule {
  readonly lead: HandlingParty;
  readonly assist: readonly HandlingParty[];
}

/** Data, so an organisation can change who leads without code. */
export interface AuthorityTable {
  readonly governmentOrMediaChannels: readonly Channel[];
  /** When several cases apply, the first in this list names the lead. */
  readonly precedence: readonly AuthorityCase[];
  readonly rules: Readonly<Record<AuthorityCase, AuthorityRule>>;
}

const COMMON_RULES = {
  major: { lead: 'general_manager', assist: ['customer_service'] }, // 4.6.2.3(1) 有重大影响; (2) 协助总经理处理重大投诉
  responsible: { lead: 'responsible_department', assist: [] }, // 4.6.2.3(3) 管辖范围内的各种投诉
  non_responsible: { lead: 'customer_service', assist: [] }, // 4.6.3.2 explain, coordinate, follow up
  assistance: { lead: 'customer_service', assist: [] }, // 4.6.3.3 municipal numbers, follow up, customer signs
} as const satisfies Partial<Record<AuthorityCase, AuthorityRule>>;

const PRECEDENCE: readonly AuthorityCase[] = ['major', 'government_or_media', 'responsible', 'non_responsible', 'assistance'];

/** The issue's reading (default): the general manager leads government/media complaints, customer service assists. */
export const ISSUE_AUTHORITY: AuthorityTable = {
  governmentOrMediaChannels: DEFAULT_ESCALATION_SETTINGS.governmentOrMediaChannels,
  precedence: PRECEDENCE,
  rules: { ...COMMON_RULES, government_or_media: { lead: 'general_manager', assist: ['customer_service'] } },
};

/**
 * The seed's reading (S1 4.6.2.3, seed-notes 8): customer service handles and
 * answers complaints made through government bodies (2); the general manager
 * only assists (协助) on government and media complaints (1).
 */
export const SEED_S1_AUTHORITY: AuthorityTable = {
  governmentOrMediaChannels: DEFAULT_ESCALATION_SETTINGS.governmentOrMediaChannels,
  precedence: PRECEDENCE,
  rules: { ...COMMON_RULES, government_or_media: { lead: 'customer_service', assist: ['general_manager'] } },
};

export const DEFAULT_AUTHORITY: AuthorityTable = ISSUE_AUTHORITY;

export interface Authority {
  readonly lead: HandlingParty;
  /** Every other party involved: the other cases' leads and assistants. */
  readonly assist: readonly HandlingParty[];
  /** The cases that applied, in precedence order. */
  readonly cases: readonly AuthorityCase[];
}

/**
 * Who handles a complaint. All applicable cases contribute: a major
 * responsible complaint is led by the general manager and still involves the
 * responsible department that does the work.
 */
export function authorityFor(
  classification: Pick<ComplaintClassification, 'severity' | 'handledAs'>,
  channel: Channel,
  table: AuthorityTable = DEFAULT_AUTHORITY,
): Authority {
  const applicable = new Set<AuthorityCase>([classification.handledAs]);
  if (classification.severity === 'major') applicable.add('major');
  if (table.governmentOrMediaChannels.includes(channel)) applicable.add('government_or_media');
  const cases = table.precedence.filter((c) => applicable.has(c));
  // Cases the table forgot to rank still count, after the ranked ones.
  for (const c of applicable) if (!cases.includes(c)) cases.push(c);
  const first = cases[0] ?? classification.handledAs;
  const lead = table.rules[first].lead;
  const assist: HandlingParty[] = [];
  for (const c of cases) {
    const rule = table.rules[c];
    for (const party of [rule.lead, ...rule.assist]) if (party !== lead && !assist.includes(party)) assist.push(party);
  }
  return { lead, assist, cases };
}
