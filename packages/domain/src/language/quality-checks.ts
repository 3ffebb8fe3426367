/**
 * The individual quality checks. Each looks at the whole conversation and
 * says whether it applies, what share of its weight is earned, and which
 * turns are at fault. Scoring and weighting live in quality-inspection.ts.
 */
import type { PhraseChecker } from './phrase-checker.js';
import type { Conversation, QualityCheck, QualityFinding, QualityMarkers, QualitySettings } from './quality-settings.js';

export interface InspectionContext {
  readonly conversation: Conversation;
  readonly checker: PhraseChecker;
  readonly settings: QualitySettings;
  /** Each turn folded by the checker (simplified, no punctuation). */
  readonly folded: readonly string[];
  /** Indices of the agent's turns, in order. */
  readonly agentTurns: readonly number[];
  /** Markers folded the same way. */
  readonly markers: QualityMarkers;
}

export interface CheckResult {
  readonly applicable: boolean;
  readonly earned: number;
  readonly findings: QualityFinding[];
}

const NOT_APPLICABLE: CheckResult = { applicable: false, earned: 1, findings: [] };
const PASSED: CheckResult = { applicable: true, earned: 1, findings: [] };

export function mentions(ctx: InspectionContext, turn: number, words: readonly string[]): boolean {
  const text = ctx.folded[turn] ?? '';
  return words.some((w) => w.length > 0 && text.includes(w));
}

function fail(check: QualityCheck, turnIndex: number, message: string, earned = 0): CheckResult {
  return { applicable: true, earned, findings: [{ check, turnIndex, message }] };
}

export function checkOpening(ctx: InspectionContext): CheckResult {
  const first = ctx.agentTurns.slice(0, ctx.settings.openingWithinAgentTurns);
  if (first.length === 0) return NOT_APPLICABLE;
  if (first.some((t) => mentions(ctx, t, ctx.markers.greeting))) return PASSED;
  return fail('opening', first[0]!, '开场未问候（应如“您好，××客服中心，×××号为您服务，请问您需要什么帮助？”）');
}

export function checkClosing(ctx: InspectionContext, endedForAbuse: boolean): CheckResult {
  // An abusive call ended after the warnings needs no friendly goodbye.
  if (ctx.agentTurns.length === 0 || endedForAbuse) return NOT_APPLICABLE;
  const last = ctx.agentTurns.slice(-ctx.settings.closingWithinLastAgentTurns);
  if (last.some((t) => mentions(ctx, t, ctx.markers.closing))) return PASSED;
  return fail('closing', last[last.length - 1]!, '结束时未使用结束语（应如“请问您还需要其它帮助吗？”“感谢您的来电，再见！”）');
}

export function checkForbiddenPhrases(ctx: InspectionContext): CheckResult {
  if (ctx.agentTurns.length === 0) return NOT_APPLICABLE;
  const findings: QualityFinding[] = [];
  let lost = 0;
  for (const t of ctx.agentTurns) {
    for (const hit of ctx.checker.check(ctx.conversation.turns[t]!.text)) {
      const forbidden = hit.severity === 'forbidden';
      lost += forbidden ? ctx.settings.penaltyPerForbiddenHit : ctx.settings.penaltyPerNonStandardHit;
      findings.push({
        check: 'forbiddenPhrases',
        turnIndex: t,
        message: `${forbidden ? '服务禁语' : '不规范用语'}（${hit.group}）“${hit.matchedText}”，建议：${hit.suggestion}`,
        hit,
      });
    }
  }
  return { applicable: true, earned: Math.max(0, 1 - lost), findings };
}

interface Hold {
  /** Agent turn that ended the hold, or undefined if the contact ended while holding. */
  readonly endTurn: number | undefined;
  readonly lateTurns: { turn: number; gapMs: number }[];
}

/**
 * Holds: the agent asks the customer to wait ("请稍等"), then comes back. A
 * "still checking" notice ("我正在与您核实…请您耐心等待") within the limit keeps
 * the hold going and restarts the limit; any other agent turn ends it.
 */
export function findHolds(ctx: InspectionContext): Hold[] {
  const holds: Hold[] = [];
  const turns = ctx.conversation.turns;
  let since: number | undefined;
  let late: { turn: number; gapMs: number }[] = [];
  for (const t of ctx.agentTurns) {
    const at = turns[t]!.at;
    if (since !== undefined) {
      if (at - since > ctx.settings.holdNoticeMs) late.push({ turn: t, gapMs: at - since });
      if (mentions(ctx, t, ctx.markers.stillChecking)) {
        since = at;
        continue;
      }
      holds.push({ endTurn: t, lateTurns: late });
      since = undefined;
      late = [];
    }
    // The same turn may close one hold and open the next ("…还需要再核实一下，请您稍等").
    if (mentions(ctx, t, ctx.markers.holdRequest)) since = at;
  }
  if (since !== undefined) holds.push({ endTurn: undefined, lateTurns: late });
  return holds;
}

export function checkWaitNotice(ctx: InspectionContext, holds: readonly Hold[]): CheckResult {
  if (holds.length === 0) return NOT_APPLICABLE;
  const limit = Math.round(ctx.settings.holdNoticeMs / 1000);
  const findings: QualityFinding[] = holds.flatMap((h) =>
    h.lateTurns.map(({ turn, gapMs }) => ({
      check: 'waitNotice' as const,
      turnIndex: turn,
      message: `让客户等待了 ${Math.round(gapMs / 1000)} 秒（超过 ${limit} 秒）未提示（应说“很抱歉，我正在与您核实相关问题，请您耐心等待，谢谢！”）`,
    })),
  );
  const lateHolds = holds.filter((h) => h.lateTurns.length > 0).length;
  return { applicable: true, earned: 1 - lateHolds / holds.length, findings };
}

export function checkAfterWait(ctx: InspectionContext, holds: readonly Hold[]): CheckResult {
  const ended = holds.flatMap((h) => (h.endTurn === undefined ? [] : [h.endTurn]));
  if (ended.length === 0) return NOT_APPLICABLE;
  const findings: QualityFinding[] = [];
  for (const t of ended) {
    if (mentions(ctx, t, ctx.markers.discouragedAfterWait)) {
      findings.push({ check: 'afterWait', turnIndex: t, message: '等待后不建议说“让您久等”，应说“感谢您的耐心等待”' });
    } else if (!mentions(ctx, t, ctx.markers.thanksForWaiting)) {
      findings.push({ check: 'afterWait', turnIndex: t, message: '等待结束未感谢客户（应说“感谢您的耐心等待”）' });
    }
  }
  return { applicable: true, earned: 1 - findings.length / ended.length, findings };
}

export function checkComplaintApology(ctx: InspectionContext): CheckResult {
  const { turns, complaint } = ctx.conversation;
  const customerTurns = turns.flatMap((turn, i) => (turn.speaker === 'customer' ? [i] : []));
  const raised = customerTurns.find((i) => mentions(ctx, i, ctx.markers.complaint));
  if (complaint === false || (complaint === undefined && raised === undefined)) return NOT_APPLICABLE;
  const from = raised ?? customerTurns[0] ?? 0;
  const after = ctx.agentTurns.filter((t) => t > from);
  if (after.length === 0) return NOT_APPLICABLE;
  const apologised = after.findIndex((t) => mentions(ctx, t, ctx.markers.apology));
  if (apologised >= 0 && apologised < ctx.settings.apologyWithinAgentTurns) return PASSED;
  if (apologised >= 0) return fail('complaintApology', after[0]!, '受理投诉时未首先向客户道歉（道歉来得太晚）', 0.5);
  return fail('complaintApology', after[0]!, '投诉通话中未向客户道歉（应如“对不起，给您添麻烦了……”）');
}

/**
 * S1 part 3: "公司规定只能通报工号". A name follows 我叫 / 我的名字是 / 我姓; the
 * word after 我叫 may also be an action ("我叫师傅过来", "我叫一下同事"), which is
 * why the candidates below are excluded.
 */
const NAME_INTRO = /我(?:的名字(?:是|叫)?|叫|姓)\s*([\p{Script=Han}]{1,4})/gu;
const NOT_A_NAME = /^(?:一下|师傅|工程师|同事|维修|保安|保洁|物业|主管|领导|经理|技术|他|她|您|你|人|了|过|来|车|救护|名|什么|啥)/u;

export function checkAgentIdentity(ctx: InspectionContext): CheckResult {
  if (ctx.agentTurns.length === 0) return NOT_APPLICABLE;
  const findings: QualityFinding[] = [];
  for (const t of ctx.agentTurns) {
    for (const m of ctx.conversation.turns[t]!.text.matchAll(NAME_INTRO)) {
      if (NOT_A_NAME.test(m[1]!)) continue;
      findings.push({ check: 'agentIdentity', turnIndex: t, message: `向客户报出姓名（“${m[0]}”），只能通报工号` });
      break;
    }
  }
  return { applicable: true, earned: findings.length === 0 ? 1 : 0, findings };
}

export interface AbuseResult extends CheckResult {
  /** The agent ended the call after the required warnings — a proper ending. */
  readonly endedForAbuse: boolean;
}

/** S1 part 5 (三)19: warn ("请您文明用语…我将挂断您的电话"); after the third warning the agent may end the call. */
export function checkAbusiveCaller(ctx: InspectionContext): AbuseResult {
  const { turns, endedBy } = ctx.conversation;
  const firstAbuse = turns.findIndex((turn, i) => turn.speaker === 'customer' && mentions(ctx, i, ctx.markers.abuse));
  if (firstAbuse < 0) return { ...NOT_APPLICABLE, endedForAbuse: false };
  const after = ctx.agentTurns.filter((t) => t > firstAbuse);
  const warnings = after.filter((t) => mentions(ctx, t, ctx.markers.abuseWarning)).length;
  const required = ctx.settings.abuseWarningsBeforeHangUp;
  const lastAgent = ctx.agentTurns[ctx.agentTurns.length - 1];
  if (endedBy === 'agent' && warnings < required) {
    const at = lastAgent ?? firstAbuse;
    return { ...fail('abusiveCaller', at, `客户辱骂后仅警告 ${warnings} 次即挂断（须警告 ${required} 次后方可挂断）`), endedForAbuse: false };
  }
  if (warnings === 0 && after.length > 0) {
    return { ...fail('abusiveCaller', after[0]!, '客户辱骂后未提醒文明用语（应说“请您文明用语陈述您问题……”）', 0.5), endedForAbuse: false };
  }
  return { ...PASSED, endedForAbuse: endedBy === 'agent' };
}
