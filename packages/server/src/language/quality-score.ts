import type { CheckOutcome, QualityCheck, QualityReport, QualitySettings } from '@huiyin/domain';

/**
 * What each finding of an inspection costs, so an accepted appeal can give
 * exactly that back. A finding's penalty is a share of its check's weight:
 * - a forbidden-phrase hit costs the per-hit penalty of its severity (the
 *   check's total loss is capped at the whole weight, so with three hits at
 *   0.5 removing one still leaves the check at 0);
 * - any other check's loss is split evenly over its findings (one late hold
 *   notice of two costs half of what the check lost).
 */
export function findingPenalties(report: QualityReport, settings: QualitySettings): number[] {
  const counts = new Map<QualityCheck, number>();
  for (const f of report.findings) counts.set(f.check, (counts.get(f.check) ?? 0) + 1);
  return report.findings.map((f) => {
    if (f.check === 'forbiddenPhrases' && f.hit) {
      return f.hit.severity === 'forbidden' ? settings.penaltyPerForbiddenHit : settings.penaltyPerNonStandardHit;
    }
    const outcome = report.checks.find((c) => c.check === f.check);
    return outcome ? (1 - outcome.earned) / counts.get(f.check)! : 0;
  });
}

export interface ScoredFinding {
  readonly check: string;
  readonly penalty: number;
  /** False once an appeal against it was accepted. */
  readonly standing: boolean;
}

const EPSILON = 1e-9;

/**
 * The score with only the standing findings counted, from the checks as
 * inspected. A loss no finding explains (none today, but a check may add one)
 * stays lost. Same formula as inspectConversation: 100 × Σ weight × earned /
 * Σ weight over the applicable checks, rounded.
 */
export function rescore(checks: readonly CheckOutcome[], findings: readonly ScoredFinding[]): { score: number; checks: CheckOutcome[] } {
  const now = checks.map((c) => {
    const own = findings.filter((f) => f.check === c.check);
    const attributed = own.reduce((sum, f) => sum + f.penalty, 0);
    const unexplained = Math.max(0, 1 - c.earned - attributed);
    const standing = own.reduce((sum, f) => sum + (f.standing ? f.penalty : 0), 0);
    const earned = Math.min(1, Math.max(0, 1 - (unexplained < EPSILON ? 0 : unexplained) - standing));
    return { ...c, earned };
  });
  let total = 0;
  let earned = 0;
  for (const c of now) {
    if (!c.applicable) continue;
    total += c.weight;
    earned += c.weight * c.earned;
  }
  return { score: total === 0 ? 100 : Math.round((100 * earned) / total + EPSILON), checks: now };
}

/** Score points a finding costs on its own: what the reviewer sees beside it. */
export function deductionPoints(checks: readonly CheckOutcome[], check: string, penalty: number): number {
  const total = checks.reduce((sum, c) => sum + (c.applicable ? c.weight : 0), 0);
  const weight = checks.find((c) => c.check === check)?.weight ?? 0;
  return total === 0 ? 0 : Math.round((1000 * weight * Math.min(1, penalty)) / total) / 10;
}
