/**
 * Quality inspection (质检) of one transcript: runs the checks, weights them
 * and returns a 0–100 score with findings pointing at turns. Pure: the
 * phrase checker and the settings come in; nothing is read or stored.
 *
 * Score = 100 × Σ weight × earned / Σ weight over the checks that apply, so a
 * contact without a hold is not rewarded or punished for the 45-second rule.
 */
import type { PhraseChecker } from './phrase-checker.js';
import {
  checkAbusiveCaller,
  checkAfterWait,
  checkAgentIdentity,
  checkClosing,
  checkComplaintApology,
  checkForbiddenPhrases,
  checkOpening,
  checkWaitNotice,
  findHolds,
  type CheckResult,
  type InspectionContext,
} from './quality-checks.js';
import {
  DEFAULT_QUALITY_SETTINGS,
  QUALITY_CHECKS,
  type CheckOutcome,
  type Conversation,
  type QualityCheck,
  type QualityMarkers,
  type QualityReport,
  type QualitySettings,
} from './quality-settings.js';

export function inspectConversation(
  conversation: Conversation,
  checker: PhraseChecker,
  settings: QualitySettings = DEFAULT_QUALITY_SETTINGS,
): QualityReport {
  const ctx: InspectionContext = {
    conversation,
    checker,
    settings,
    folded: conversation.turns.map((t) => checker.fold(t.text)),
    agentTurns: conversation.turns.flatMap((t, i) => (t.speaker === 'agent' ? [i] : [])),
    markers: foldMarkers(settings.markers, checker),
  };
  const holds = findHolds(ctx);
  const abuse = checkAbusiveCaller(ctx);
  const results: Record<QualityCheck, CheckResult> = {
    opening: checkOpening(ctx),
    forbiddenPhrases: checkForbiddenPhrases(ctx),
    waitNotice: checkWaitNotice(ctx, holds),
    afterWait: checkAfterWait(ctx, holds),
    complaintApology: checkComplaintApology(ctx),
    agentIdentity: checkAgentIdentity(ctx),
    abusiveCaller: abuse,
    closing: checkClosing(ctx, abuse.endedForAbuse),
  };

  // Findings come out by turn, and within a turn in QUALITY_CHECKS order (the sort is stable).
  const checks: CheckOutcome[] = QUALITY_CHECKS.map((check) => ({
    check,
    applicable: results[check].applicable,
    earned: clamp01(results[check].earned),
    weight: Math.max(0, settings.weights[check]),
  }));
  let total = 0;
  let earned = 0;
  for (const c of checks) {
    if (!c.applicable) continue;
    total += c.weight;
    earned += c.weight * c.earned;
  }
  const findings = checks
    .flatMap((c) => results[c.check].findings)
    .sort((a, b) => a.turnIndex - b.turnIndex);
  return { score: total === 0 ? 100 : Math.round((100 * earned) / total), findings, checks };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Markers are folded like the turns so "請稍等" matches "请稍等" and "请 稍 等". */
function foldMarkers(markers: QualityMarkers, checker: PhraseChecker): QualityMarkers {
  const fold = (list: readonly string[]) => list.map((w) => checker.fold(w)).filter((w) => w.length > 0);
  return {
    greeting: fold(markers.greeting),
    closing: fold(markers.closing),
    holdRequest: fold(markers.holdRequest),
    stillChecking: fold(markers.stillChecking),
    thanksForWaiting: fold(markers.thanksForWaiting),
    discouragedAfterWait: fold(markers.discouragedAfterWait),
    apology: fold(markers.apology),
    complaint: fold(markers.complaint),
    abuseWarning: fold(markers.abuseWarning),
    abuse: fold(markers.abuse),
  };
}
