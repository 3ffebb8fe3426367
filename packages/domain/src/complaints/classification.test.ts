import { describe, expect, it } from 'vitest';
import type { Channel, WorkOrderKind } from '../work-orders/work-order-types.js';
import { applyClassification, applyClassifications, automaticChanges, classificationAtIntake, type ClassificationChange } from './classification.js';
import { DEFAULT_ESCALATION_SETTINGS, type ComplaintClassification } from './types.js';

const AT = Date.UTC(2025, 5, 9, 1);
const HOUR = 3_600_000;

function intake(channel: Channel = 'phone', mode: 'automatic' | 'suggest' = 'automatic'): ComplaintClassification {
  const result = classificationAtIntake({ kind: 'complaint', channel, receivedAt: AT }, { ...DEFAULT_ESCALATION_SETTINGS, channelUpgrade: mode });
  if (!result.ok) throw new Error(result.detail);
  return result.classification;
}

function apply(current: ComplaintClassification, ...changes: ClassificationChange[]): ComplaintClassification {
  const result = applyClassifications(current, changes);
  if (!result.ok) throw new Error(result.detail);
  return result.classification;
}

const book: ClassificationChange = { kind: 'book_determination', appointmentAt: AT + 24 * HOUR, attendees: ['eng-07'], by: 'u1', at: AT };

describe('classificationAtIntake', () => {
  it.each([
    ['phone', 'automatic', 'general', [], 0],
    ['walk_in', 'automatic', 'general', [], 0],
    ['media', 'automatic', 'major', ['government_or_media'], 0],
    ['government', 'automatic', 'major', ['government_or_media'], 0],
    ['consumer_association', 'automatic', 'major', ['government_or_media'], 0],
    ['media', 'suggest', 'general', [], 1],
    ['government', 'suggest', 'general', [], 1],
  ] as const)('%s (%s) → %s %j, %i suggestion(s)', (channel, mode, severity, reasons, suggestions) => {
    const result = classificationAtIntake({ kind: 'complaint', channel, receivedAt: AT }, { ...DEFAULT_ESCALATION_SETTINGS, channelUpgrade: mode });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.classification).toMatchObject({ nature: 'responsible', handledAs: 'responsible', natureConfirmed: false, severity, majorReasons: reasons });
    expect(result.suggestions).toHaveLength(suggestions);
    expect(result.recorded[0]).toMatchObject({ event: 'provisional_at_intake', by: 'system', at: AT });
    expect(result.recorded.slice(1).map((r) => r.reason)).toEqual(reasons);
  });

  it.each(['inquiry', 'help', 'repair', 'suggestion', 'praise'] as WorkOrderKind[])('a %s is not classified', (kind) => {
    expect(classificationAtIntake({ kind, channel: 'phone', receivedAt: AT })).toMatchObject({ ok: false, problem: 'not_a_complaint' });
  });
});

describe('applyClassification: nature', () => {
  it.each([
    ['responsible', 'responsible', 'general'],
    ['non_responsible', 'non_responsible', 'general'],
    ['assistance', 'assistance', 'general'],
  ] as const)('deciding %s', (nature, handledAs, severity) => {
    const result = applyClassification(intake(), { kind: 'decide_nature', nature, by: 'u1', at: AT + HOUR });
    expect(result).toMatchObject({ ok: true, classification: { nature, handledAs, severity, natureConfirmed: true } });
    expect(result.ok && result.recorded).toHaveLength(1);
  });

  it('records nothing when the confirmed nature is set again', () => {
    const c = apply(intake(), { kind: 'decide_nature', nature: 'assistance', by: 'u1', at: AT });
    expect(applyClassification(c, { kind: 'decide_nature', nature: 'assistance', by: 'u2', at: AT + HOUR })).toMatchObject({ ok: true, recorded: [] });
  });

  it('confirms the provisional nature with a record', () => {
    const result = applyClassification(intake(), { kind: 'decide_nature', nature: 'responsible', by: 'u1', at: AT });
    expect(result.ok && result.recorded.map((r) => r.event)).toEqual(['nature_set']);
  });
});

describe('applyClassification: on-site determination (S1 4.6.1.2)', () => {
  const pending = apply(intake(), book);

  it('marks the complaint undetermined, still handled as responsible', () => {
    expect(pending).toMatchObject({ nature: 'undetermined', handledAs: 'responsible', natureConfirmed: false });
    expect(pending.determination).toMatchObject({ appointmentAt: AT + 24 * HOUR, attendees: ['eng-07'], bookedBy: 'u1' });
  });

  it.each([
    ['before the appointment', AT + 23 * HOUR, 'staff opinion', 'awaiting_on_site_determination'],
    ['without the staff opinion', AT + 25 * HOUR, undefined, 'determination_opinion_required'],
    ['with a blank opinion', AT + 25 * HOUR, '  ', 'determination_opinion_required'],
  ] as const)('cannot be classified %s', (_name, at, basis, problem) => {
    expect(applyClassification(pending, { kind: 'decide_nature', nature: 'assistance', by: 'u1', at, basis })).toMatchObject({ ok: false, problem });
  });

  it('is classified at the appointment with the opinion on record', () => {
    const result = applyClassification(pending, { kind: 'decide_nature', nature: 'assistance', by: 'u1', at: AT + 24 * HOUR, basis: '市政供水管网问题' });
    expect(result).toMatchObject({ ok: true, classification: { nature: 'assistance', handledAs: 'assistance', natureConfirmed: true } });
    expect(result.ok && result.recorded[0]?.detail).toContain('市政供水管网问题');
  });

  it('cannot be booked in the past', () => {
    expect(applyClassification(intake(), { ...book, appointmentAt: AT - 1 } as ClassificationChange)).toMatchObject({ ok: false, problem: 'appointment_in_past' });
  });
});

describe('applyClassification: major criteria', () => {
  const add = (reason: string, by = 'system'): ClassificationChange => ({ kind: 'add_reason', reason, by, at: AT, detail: 'd' }) as ClassificationChange;
  const withdraw = (reason: string, by = 'sup1', detail = 'false match'): ClassificationChange =>
    ({ kind: 'withdraw_reason', reason, by, at: AT, detail }) as ClassificationChange;

  it.each([
    ['unresolved_one_month', 'system', true],
    ['government_or_media', 'system', true],
    ['collective', 'system', true],
    ['repeated_unresolved', 'system', false],
    ['major_loss_or_injury', 'system', false],
    ['manual', 'system', false],
    ['repeated_unresolved', 'sup1', true],
    ['major_loss_or_injury', 'sup1', true],
    ['manual', 'sup1', true],
  ] as const)('%s added by %s → accepted: %s', (reason, by, ok) => {
    const result = applyClassification(intake(), add(reason, by));
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.classification).toMatchObject({ severity: 'major', majorReasons: [reason] });
    else expect(result.problem).toBe('reason_requires_person');
  });

  it('adds a reason once', () => {
    const c = apply(intake(), add('collective'));
    expect(applyClassification(c, add('collective'))).toMatchObject({ ok: true, recorded: [] });
  });

  it('keeps reasons on a non-responsible complaint but grades it general, and restores major', () => {
    const c = apply(intake(), add('collective'), { kind: 'decide_nature', nature: 'non_responsible', by: 'u1', at: AT });
    expect(c).toMatchObject({ severity: 'general', majorReasons: ['collective'] });
    expect(apply(c, { kind: 'decide_nature', nature: 'responsible', by: 'u1', at: AT }).severity).toBe('major');
  });

  it.each([
    ['the system', 'system', 'false match', 'reason_requires_person'],
    ['a person without a reason', 'sup1', ' ', 'detail_required'],
  ] as const)('refuses a withdrawal by %s', (_name, by, detail, problem) => {
    const c = apply(intake(), add('collective'));
    expect(applyClassification(c, withdraw('collective', by, detail))).toMatchObject({ ok: false, problem });
  });

  it('refuses to withdraw a reason that is not there', () => {
    expect(applyClassification(intake(), withdraw('collective'))).toMatchObject({ ok: false, problem: 'reason_not_present' });
  });

  it('does not let a re-firing rule undo a withdrawal; a person can', () => {
    const withdrawn = apply(intake(), add('collective'), withdraw('collective'));
    expect(withdrawn).toMatchObject({ severity: 'general', majorReasons: [], withdrawnReasons: ['collective'] });
    expect(applyClassification(withdrawn, add('collective'))).toMatchObject({ ok: true, recorded: [], classification: { severity: 'general' } });
    expect(apply(withdrawn, add('collective', 'sup2'))).toMatchObject({ severity: 'major', withdrawnReasons: [] });
  });

  it('turns automatic decisions into changes, ignoring suggestions', () => {
    const changes = automaticChanges(
      [
        { upgrade: true, suggest: false, reason: 'collective', detail: 'x' },
        { upgrade: false, suggest: true, reason: 'repeated_unresolved', detail: 'y' },
        { upgrade: false, suggest: false, reason: 'unresolved_one_month', detail: 'z' },
      ],
      AT,
    );
    expect(changes).toEqual([{ kind: 'add_reason', reason: 'collective', by: 'system', at: AT, detail: 'x' }]);
  });
});
