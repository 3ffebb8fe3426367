import type { Speaker, TranscriptTurn } from '@huiyin/domain';
import { AppError } from '../errors/app-error.js';
import { parseTimestamp } from './local-time.js';
import { CsvError, parseCsv } from './transcript-csv.js';

/** Transcripts in one import, turns in one conversation, characters in one turn. */
export const IMPORT_LIMITS = { conversations: 2000, turns: 1000, turnText: 4000 } as const;

export type Channel = 'chat' | 'call';

export type AgentRef = { userId: number } | { employeeNo: string };

/** One conversation ready to be inspected; turns ordered by time, `at` in ms from the start. */
export interface ParsedConversation {
  externalId: string | null;
  agent: AgentRef;
  channel: Channel;
  startedAt: number;
  complaint: boolean | null;
  endedBy: Speaker | null;
  turns: TranscriptTurn[];
  /** Where it came from, for error messages: "conversations[3]" or "CSV conversation A-17". */
  where: string;
}

export interface JsonConversation {
  externalId?: string;
  agentUserId?: number;
  agentEmployeeNo?: string;
  channel: Channel;
  startedAt: string;
  complaint?: boolean;
  endedBy?: Speaker;
  /** `at`: an ISO instant, or ms since startedAt. */
  turns: { speaker: Speaker; at: string | number; text: string }[];
}

const invalid = (detail: string, extra: Record<string, unknown>) => new AppError('transcript_invalid', detail, extra);

/** Stable sort by time: exports are not always in order, and ties keep the file's order. */
function ordered(turns: TranscriptTurn[]): TranscriptTurn[] {
  return turns.map((t, i) => [t, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([t]) => t);
}

export function fromJson(conversations: readonly JsonConversation[]): ParsedConversation[] {
  return conversations.map((c, index) => {
    const where = `conversations[${index}]`;
    const agent: AgentRef | undefined = c.agentUserId !== undefined ? { userId: c.agentUserId } : c.agentEmployeeNo?.trim() ? { employeeNo: c.agentEmployeeNo.trim() } : undefined;
    if (!agent) throw invalid(`${where}: agentUserId or agentEmployeeNo is required`, { index, field: 'agentUserId' });
    const startedAt = Date.parse(c.startedAt);
    if (Number.isNaN(startedAt)) throw invalid(`${where}: startedAt is not a date-time`, { index, field: 'startedAt' });
    const turns = c.turns.map((t, k) => {
      const at = typeof t.at === 'number' ? t.at : Date.parse(t.at) - startedAt;
      if (Number.isNaN(at) || at < 0) throw invalid(`${where}.turns[${k}]: time before startedAt or unreadable`, { index, turn: k, field: 'at' });
      return { speaker: t.speaker, at, text: t.text };
    });
    return {
      externalId: c.externalId?.trim() || null, agent, channel: c.channel, startedAt,
      complaint: c.complaint ?? null, endedBy: c.endedBy ?? null, turns: ordered(turns), where,
    };
  });
}

/** Header names, English or Chinese, as exports and people write them. */
const COLUMNS: Record<string, string> = {
  conversation_id: 'conversation', 会话编号: 'conversation', 会话id: 'conversation',
  agent_employee_no: 'agent', 工号: 'agent', 客服工号: 'agent',
  speaker: 'speaker', 说话人: 'speaker', 角色: 'speaker',
  time: 'time', 时间: 'time',
  text: 'text', 内容: 'text',
  channel: 'channel', 渠道: 'channel',
  complaint: 'complaint', 投诉: 'complaint',
  ended_by: 'endedBy',
};
const REQUIRED = ['conversation', 'agent', 'speaker', 'time', 'text'];

const SPEAKERS: Record<string, Speaker> = {
  agent: 'agent', 客服: 'agent', 坐席: 'agent', 员工: 'agent', staff: 'agent',
  customer: 'customer', 客户: 'customer', 顾客: 'customer', 用户: 'customer', 业主: 'customer', caller: 'customer',
};
const CHANNELS: Record<string, Channel> = { chat: 'chat', 在线: 'chat', 在线客服: 'chat', call: 'call', phone: 'call', 电话: 'call' };
const YES = new Set(['1', 'true', 'yes', 'y', '是']);
const NO = new Set(['0', 'false', 'no', 'n', '否']);

/**
 * CSV, one row per turn: conversation_id, agent_employee_no, speaker, time,
 * text (optional channel, complaint, ended_by). Rows of a conversation need
 * not be adjacent; the first turn's time is the conversation's start. Times
 * without an offset are wall times of the given zone.
 */
export function fromCsv(content: string, options: { channel: Channel; timeZone: string }): ParsedConversation[] {
  let rows;
  try {
    rows = parseCsv(content);
  } catch (error) {
    if (error instanceof CsvError) throw invalid(`CSV line ${error.line}: ${error.message}`, { line: error.line });
    throw error;
  }
  const header = rows.shift();
  if (!header) throw invalid('the CSV is empty', { line: 1 });
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const key = COLUMNS[name.trim().toLowerCase()];
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((k) => !index.has(k));
  if (missing.length > 0) throw invalid(`CSV header lacks ${missing.join(', ')} (expected conversation_id, agent_employee_no, speaker, time, text)`, { line: header.line });
  const cell = (fields: string[], key: string) => {
    const i = index.get(key);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  const byId = new Map<string, { first: number; agent: string; channel?: Channel; complaint?: boolean; endedBy?: Speaker; turns: { speaker: Speaker; instant: number; text: string }[] }>();
  for (const { line, fields } of rows) {
    const id = cell(fields, 'conversation');
    const bad = (what: string) => invalid(`CSV line ${line}: ${what}`, { line, conversation: id || null });
    if (!id) throw bad('conversation_id is empty');
    const speaker = SPEAKERS[cell(fields, 'speaker').toLowerCase()];
    if (!speaker) throw bad(`speaker "${cell(fields, 'speaker')}" is neither agent nor customer`);
    const instant = parseTimestamp(cell(fields, 'time'), options.timeZone);
    if (instant === undefined) throw bad(`time "${cell(fields, 'time')}" is not a date-time (2026-11-25 09:30:00 or ISO 8601)`);
    const text = cell(fields, 'text');
    if (text.length > IMPORT_LIMITS.turnText) throw bad(`text longer than ${IMPORT_LIMITS.turnText} characters`);
    let conversation = byId.get(id);
    if (!conversation) {
      if (byId.size >= IMPORT_LIMITS.conversations) throw bad(`more than ${IMPORT_LIMITS.conversations} conversations in one import`);
      byId.set(id, (conversation = { first: line, agent: cell(fields, 'agent'), turns: [] }));
    }
    const agent = cell(fields, 'agent');
    if (agent && conversation.agent && agent !== conversation.agent) throw bad(`conversation ${id} names two agents (${conversation.agent}, ${agent})`);
    conversation.agent ||= agent;
    const channel = cell(fields, 'channel').toLowerCase();
    if (channel) {
      if (!CHANNELS[channel]) throw bad(`channel "${channel}" is neither chat nor call`);
      conversation.channel = CHANNELS[channel];
    }
    const complaint = cell(fields, 'complaint').toLowerCase();
    if (YES.has(complaint)) conversation.complaint = true;
    else if (NO.has(complaint)) conversation.complaint ??= false;
    const endedBy = SPEAKERS[cell(fields, 'endedBy').toLowerCase()];
    if (endedBy) conversation.endedBy = endedBy;
    if (conversation.turns.length >= IMPORT_LIMITS.turns) throw bad(`conversation ${id} has more than ${IMPORT_LIMITS.turns} turns`);
    conversation.turns.push({ speaker, instant, text });
  }
  return [...byId].map(([id, c]) => {
    if (!c.agent) throw invalid(`CSV conversation ${id}: agent_employee_no is empty`, { line: c.first, conversation: id });
    const startedAt = Math.min(...c.turns.map((t) => t.instant));
    return {
      externalId: id,
      agent: { employeeNo: c.agent },
      channel: c.channel ?? options.channel,
      startedAt,
      complaint: c.complaint ?? null,
      endedBy: c.endedBy ?? null,
      turns: ordered(c.turns.map((t) => ({ speaker: t.speaker, at: t.instant - startedAt, text: t.text }))),
      where: `CSV conversation ${id}`,
    };
  });
}
