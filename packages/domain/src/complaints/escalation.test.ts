import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../work-orders/work-order-types.js';
import { applyClassification, classificationAtIntake, decisionToChange } from './classification.js';
import {
  authorityFor,
  channelRule,
  collectiveDecisions,
  collectiveRule,
  ISSUE_AUTHORITY,
  oneMonthRule,
  repeatRule,
  SEED_S1_AUTHORITY,
  type AuthorityTable,
} from './escalation.js';
import { DEFAULT_ESCALATION_SETTINGS, type ComplaintClassification, type DecidedNature } from './types.js';

const RECEIVED = Date.UTC(2025, 0, 31, 2); // 2025-01-31 10:00 Asia/Shanghai
const DUE = Date.UTC(2025, 1, 28, 2); // + 1 month, clamped by the calendar: 2025-02-28 10:00

function classification(handledAs: DecidedNature, severity: 'general' | 'major' = 'general'): ComplaintClassification {
  return {
    nature: handledAs,
    handledAs,
    natureConfirmed: true,
    severity,
    majorReasons: severity === 'major' ? ['manual'] : [],
    determination: null,
    withdrawnReasons: [],
  };
}

describe('oneMonthRule (S1 4.6.2.2(3))', () => {
  it.each([
    ['one ms before the due instant', 'responsible', DUE - 1, null, false],
    ['exactly at the due instant', 'responsible', DUE, null, true],
    ['long after', 'responsible', DUE + 86_400_000 * 10, null, true],
    ['resolved one ms before due', 'responsible', DUE + 1, DUE - 1, false],
    ['resolved exactly at due (too late)', 'responsible', DUE + 1, DUE, true],
    ['non-responsible', 'non_responsible', DUE, null, false],
    ['assistance', 'assistance', DUE, null, false],
  ] as const)('%s → upgrade %s', (_name, handledAs, now, resolvedAt, upgrade) => {
    const d = oneMonthRule({ classification: classification(handledAs), now, oneMonthDueAt: DUE, resolvedAt });
    expect(d).toMatchObject({ upgrade, suggest: false, reason: 'unresolved_one_month' });
  });

  it('applies to a complaint still awaiting its on-site determination', () => {
    const pending: ComplaintClassification = { ...classification('responsible'), nature: 'undetermined', natureConfirmed: false };
    expect(oneMonthRule({ classification: pending, now: DUE, oneMonthDueAt: DUE }).upgrade).toBe(true);
  });

  it('upgrades through applyClassification with an audit record', () => {
    const start = classificationAtIntake({ kind: 'complaint', channel: 'phone', receivedAt: RECEIVED });
    if (!start.ok) throw new Error('intake');
    const d = oneMonthRule({ classification: start.classification, now: DUE, oneMonthDueAt: DUE });
    const result = applyClassification(start.classification, decisionToChange(d, DUE));
    expect(result).toMatchObject({ ok: true, classification: { severity: 'major', majorReasons: ['unresolved_one_month'] } });
    expect(result.ok && result.recorded[0]).toMatchObject({ event: 'reason_added', by: 'system', at: DUE, from: { severity: 'general' }, to: { severity: 'major' } });
  });
});

describe('channelRule (S1 4.6.2.2(4))', () => {
  const upgrading: readonly Channel[] = ['media', 'government', 'consumer_association'];
  it.each(CHANNELS.map((c) => [c, upgrading.includes(c)] as const))('%s → government/media: %s', (channel, hit) => {
    expect(channelRule(channel)).toMatchObject({ upgrade: hit, suggest: false });
    expect(channelRule(channel, { ...DEFAULT_ESCALATION_SETTINGS, channelUpgrade: 'suggest' })).toMatchObject({ upgrade: false, suggest: hit });
  });

  it('uses the configured channel list', () => {
    const settings = { ...DEFAULT_ESCALATION_SETTINGS, governmentOrMediaChannels: ['media'] as Channel[] };
    expect(channelRule('government', settings).upgrade).toBe(false);
  });
});

describe('collectiveRule (S1 4.6.2.2(5))', () => {
  const group = { memberIds: ['a', 'b', 'c', 'd', 'e'], distinctCustomers: 5 };
  it.each([
    ['a member', 'a', group, true],
    ['the last member', 'e', group, true],
    ['not a member', 'x', group, false],
    ['no group', 'a', null, false],
  ] as const)('%s → upgrade %s', (_name, id, g, upgrade) => {
    expect(collectiveRule(id, g)).toMatchObject({ upgrade, suggest: false, reason: 'collective' });
  });

  it('upgrades every member', () => {
    const decisions = collectiveDecisions(group);
    expect(decisions.map((d) => d.complaintId)).toEqual(group.memberIds);
    expect(decisions.every((d) => d.decision.upgrade)).toBe(true);
  });
});

describe('repeatRule (S1 4.6.2.2(1)): only ever a suggestion', () => {
  const prior = (n: number, resolved = false) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, receivedAt: i, resolvedAt: resolved ? i + 1 : null }));
  it.each([
    ['first time', 0, false, 2, false],
    ['second time', 1, false, 2, true],
    ['second time, the first was closed', 1, true, 2, true],
    ['third time', 2, false, 2, true],
    ['second time, setting 3', 1, false, 3, false],
    ['third time, setting 3', 2, false, 3, true],
  ] as const)('%s → suggest %s', (_name, n, resolved, repeatMinTimes, suggest) => {
    const d = repeatRule(prior(n, resolved), { ...DEFAULT_ESCALATION_SETTINGS, repeatMinTimes });
    expect(d).toMatchObject({ upgrade: false, suggest, reason: 'repeated_unresolved' });
  });
});

describe('authorityFor (S1 4.6.2.3)', () => {
  it.each([
    ['general responsible, phone', 'responsible', 'general', 'phone', ISSUE_AUTHORITY, 'responsible_department', []],
    ['major responsible, phone', 'responsible', 'major', 'phone', ISSUE_AUTHORITY, 'general_manager', ['customer_service', 'responsible_department']],
    ['general responsible, government (issue)', 'responsible', 'general', 'government', ISSUE_AUTHORITY, 'general_manager', ['customer_service', 'responsible_department']],
    ['general responsible, media (seed)', 'responsible', 'general', 'media', SEED_S1_AUTHORITY, 'customer_service', ['general_manager', 'responsible_department']],
    ['major, media (seed)', 'responsible', 'major', 'media', SEED_S1_AUTHORITY, 'general_manager', ['customer_service', 'responsible_department']],
    ['non-responsible, phone', 'non_responsible', 'general', 'phone', ISSUE_AUTHORITY, 'customer_service', []],
    ['assistance, phone', 'assistance', 'general', 'phone', ISSUE_AUTHORITY, 'customer_service', []],
    ['non-responsible, media (issue)', 'non_responsible', 'general', 'media', ISSUE_AUTHORITY, 'general_manager', ['customer_service']],
  ] as const)('%s → %s leads', (_name, handledAs, severity, channel, table, lead, assist) => {
    expect(authorityFor(classification(handledAs, severity), channel, table)).toMatchObject({ lead, assist });
  });

  it('is data an organisation can change', () => {
    const table: AuthorityTable = {
      ...ISSUE_AUTHORITY,
      rules: { ...ISSUE_AUTHORITY.rules, major: { lead: 'management_representative', assist: ['general_manager'] } },
    };
    expect(authorityFor(classification('responsible', 'major'), 'phone', table)).toEqual({
      lead: 'management_representative',
      assist: ['general_manager', 'responsible_department'],
      cases: ['major', 'responsible'],
    });
  });

  it('sends a media complaint to the general manager from intake (default settings)', () => {
    const start = classificationAtIntake({ kind: 'complaint', channel: 'media', receivedAt: RECEIVED });
    expect(start.ok && authorityFor(start.classification, 'media')).toMatchObject({ lead: 'general_manager', cases: ['major', 'government_or_media', 'responsible'] });
  });
});
