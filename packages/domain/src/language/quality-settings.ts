/**
 * Types and default settings of quality inspection (质检). Every number and
 * word list here is a setting an organisation may change; the defaults come
 * from the seeds (45 s hold notice: S1 part 3; three warnings before ending an
 * abusive call: S1 part 5; only the employee number may be given: S1 part 3).
 */
import type { PhraseHit } from './types.js';

export type Speaker = 'agent' | 'customer';

export interface TranscriptTurn {
  readonly speaker: Speaker;
  /** Milliseconds from the start of the contact. */
  readonly at: number;
  readonly text: string;
}

export interface Conversation {
  readonly turns: readonly TranscriptTurn[];
  /**
   * The contact is a complaint (from the work order). When left undefined, a
   * customer turn containing a complaint marker ("投诉") makes it one.
   */
  readonly complaint?: boolean;
  /** Who ended the contact, when the channel records it. */
  readonly endedBy?: Speaker;
}

export const QUALITY_CHECKS = [
  'opening', 'forbiddenPhrases', 'waitNotice', 'afterWait', 'complaintApology', 'agentIdentity', 'abusiveCaller', 'closing',
] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export interface QualityFinding {
  readonly check: QualityCheck;
  /** Index into conversation.turns of the turn the finding is about. */
  readonly turnIndex: number;
  readonly message: string;
  /** For forbiddenPhrases: the checker's hit (offsets within that turn's text). */
  readonly hit?: PhraseHit;
}

export interface CheckOutcome {
  readonly check: QualityCheck;
  /** Not applicable checks (no hold, not a complaint…) leave the score alone. */
  readonly applicable: boolean;
  /** 0…1: the share of the check's weight earned. */
  readonly earned: number;
  readonly weight: number;
}

export interface QualityReport {
  /** 0–100, rounded: weighted share earned over the applicable checks. */
  readonly score: number;
  readonly findings: readonly QualityFinding[];
  readonly checks: readonly CheckOutcome[];
}

/** Words looked for in turns; matched after folding (simplified, no punctuation), so either script works. */
export interface QualityMarkers {
  readonly greeting: readonly string[];
  readonly closing: readonly string[];
  readonly holdRequest: readonly string[];
  readonly stillChecking: readonly string[];
  readonly thanksForWaiting: readonly string[];
  /** S1 part 3: "不建议说‘不好意思，让您久等’" after a hold — it stresses the wait. */
  readonly discouragedAfterWait: readonly string[];
  readonly apology: readonly string[];
  readonly complaint: readonly string[];
  readonly abuseWarning: readonly string[];
  readonly abuse: readonly string[];
}

export interface QualitySettings {
  readonly weights: Readonly<Record<QualityCheck, number>>;
  /** The greeting must come within the first N agent turns. */
  readonly openingWithinAgentTurns: number;
  /** The closing phrase must come within the last N agent turns. */
  readonly closingWithinLastAgentTurns: number;
  /** Longest silence after "请稍等" before the agent must come back (S1 part 3: 45 s). */
  readonly holdNoticeMs: number;
  /** Share of the forbiddenPhrases weight lost per hit, by severity. */
  readonly penaltyPerForbiddenHit: number;
  readonly penaltyPerNonStandardHit: number;
  /** S1 part 3 / S1 part 4.6.3.1: apologise first — within N agent turns of the complaint. */
  readonly apologyWithinAgentTurns: number;
  /** S1 part 5 (三)19: warn three times before ending an abusive call. */
  readonly abuseWarningsBeforeHangUp: number;
  readonly markers: QualityMarkers;
}

export const DEFAULT_QUALITY_SETTINGS: QualitySettings = {
  weights: {
    opening: 10,
    forbiddenPhrases: 35,
    waitNotice: 15,
    afterWait: 5,
    complaintApology: 10,
    agentIdentity: 10,
    abusiveCaller: 10,
    closing: 10,
  },
  openingWithinAgentTurns: 2,
  closingWithinLastAgentTurns: 2,
  holdNoticeMs: 45_000,
  penaltyPerForbiddenHit: 0.5,
  penaltyPerNonStandardHit: 0.25,
  apologyWithinAgentTurns: 2,
  abuseWarningsBeforeHangUp: 3,
  markers: {
    greeting: ['您好', '你好', '节日好', '春节好', '新年好', '周末好', '早上好', '下午好', '晚上好', '欢迎光临', '欢迎致电'],
    closing: ['再见', '感谢您的来电', '还需要其它帮助', '还需要其他帮助', '祝您', '欢迎再来', '请慢走', '请走好'],
    holdRequest: ['请您稍等', '请稍等', '请您稍候', '请稍候', '稍等片刻'],
    stillChecking: ['正在与您核实', '正在与您查询', '正在与您确认', '正在为您核实', '正在为您查询', '正在为您查找', '正在核实', '正在查询', '正在查找', '正在确认', '请您耐心等待', '请耐心等待'],
    thanksForWaiting: ['感谢您的耐心等待', '感谢您的等待', '谢谢您的耐心等待', '谢谢您的等待'],
    discouragedAfterWait: ['让您久等'],
    apology: ['对不起', '抱歉', '歉意', '不好意思', '请您原谅', '请原谅'],
    complaint: ['投诉'],
    abuseWarning: ['请您文明用语', '文明用语', '我将挂断您的电话'],
    abuse: ['他妈的', '妈的', '混蛋', '王八蛋', '傻逼', '傻b', '白痴', '蠢货', '废物', '去死', '滚蛋', '你滚', '神经病', '狗东西', '操你'],
  },
};
