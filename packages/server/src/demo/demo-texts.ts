import type { WorkOrderKind } from '@huiyin/domain';
import type { AgencyService } from '../complaints/directory.service.js';

/**
 * Phrase banks shared by both kinds of site, and the small template engine the
 * site-specific banks (demo-texts-property.ts, demo-texts-mall.ts) are written in.
 *
 * A description is assembled as [opening] + core + [detail] + [ask]; every part
 * is a template whose `{slot}`s are filled per order, so a few hundred sentences
 * yield thousands of distinct, natural-sounding descriptions.
 */

export type SiteKind = 'residential' | 'mall';
/** Department roles; a site's department key is `${siteKey}-${role}`. */
export type DepartmentRole = 'service' | 'engineering' | 'security' | 'cleaning' | 'operations' | 'finance' | 'marketing';
/** Who raises a topic: residents (with a flat), mall tenants (with a shop unit), shoppers (no unit). */
export type Audience = 'resident' | 'tenant' | 'shopper';
export type Season = 'summer' | 'winter' | 'rainy';
export type BrandTag = 'fashion' | 'jewel' | 'beauty' | 'kids' | 'shoes' | 'home' | 'market' | 'appliance' | 'digital' | 'dining' | 'leisure';

export interface Topic {
  key: string;
  kind: WorkOrderKind;
  weight: number;
  /** Full category path in CATEGORY_SEED, root included. */
  category: readonly string[];
  department: DepartmentRole;
  texts: readonly string[];
  details?: readonly string[];
  asks?: readonly string[];
  /** When as many as `texts`, results[i] answers texts[i]; otherwise any result fits any text. */
  results: readonly string[];
  callbacks?: readonly string[];
  /** Probability the desk answers at once, without dispatching (inquiries, simple help). */
  atDesk?: number;
  /** Typical minutes from start to result: [quick, slow]. */
  resultMinutes?: readonly [number, number];
  audience?: readonly Audience[];
  /** Only raised in this season (local month); e.g. heating in winter. */
  season?: Season;
  /** Which counters {brand} may name, so that {item} fits the sentence (clothes tear, phones break). */
  brandTags?: readonly BrandTag[];
  /** Complaints the desk does not classify as responsible (absent: responsible). */
  nature?: TopicNature;
}

/**
 * How the desk classifies a topic's complaints (定性, S1 4.6.1) and what it does
 * for that nature (4.6.3). Lists as long as the topic's `texts` answer text by
 * text, like `results`; otherwise any entry fits any text.
 */
export type TopicNature =
  /** Untrue or beyond our service scope (4.6.3.2): the desk explains why to the customer. */
  | { kind: 'non_responsible'; bases: readonly string[]; explanations: readonly string[] }
  /**
   * An outside utility's matter we help with (4.6.3.3): the numbers of the
   * directory's agencies for `services`, then the customer confirms completion.
   */
  | { kind: 'assistance'; services: readonly AgencyService[]; bases: readonly string[]; notes: readonly string[]; confirmations: readonly string[] }
  /** The desk cannot tell (4.6.1.2): an on-site determination with `attendees`, then a decision from their opinion. */
  | { kind: 'undetermined'; attendees: readonly string[]; outcomes: readonly DeterminationOutcome[] };

/** One way an on-site determination can end; `result` answers the complaint once it is decided so. */
export interface DeterminationOutcome {
  nature: 'responsible' | 'non_responsible';
  weight: number;
  /** The on-site staff's opinion the decision rests on (required by the domain). */
  basis: string;
  result: string;
  /** non_responsible: what the customer is told. */
  explanation?: string;
}

export interface TopicBank {
  siteKind: SiteKind;
  topics: readonly Topic[];
}

export type SlotResolver = Record<string, () => string>;

/**
 * Fill `{slot}`s. Each slot is resolved at most once per call so that one
 * description names the same building or shop throughout.
 */
export function fillTemplate(template: string, slots: SlotResolver, memo: Map<string, string> = new Map()): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const resolve = slots[name];
    if (!resolve) throw new Error(`demo text slot {${name}} has no value in: ${template}`);
    const value = resolve();
    memo.set(name, value);
    return value;
  });
}

export function seasonOf(localMonth: number): Season[] {
  const seasons: Season[] = [];
  if (localMonth >= 6 && localMonth <= 9) seasons.push('summer');
  if (localMonth >= 6 && localMonth <= 8) seasons.push('rainy');
  if (localMonth >= 11 || localMonth <= 3) seasons.push('winter');
  return seasons;
}

export const WHEN = [
  '昨天晚上', '今天早上', '今天上午', '刚才', '前天', '这两天', '从上周开始', '昨天下午',
  '今天中午', '周末', '这几天', '今天一早', '昨天半夜', '最近一段时间',
] as const;

export const SINCE = [
  '已经两天了', '快一个星期了', '好几天了', '反映过好几次了', '上个月就说过', '一直没人管',
  '都三天了', '断断续续一个多月了',
] as const;

export const PURCHASE_DAYS = ['昨天', '前天', '三天前', '上周六', '上周末', '五天前', '上个星期', '大前天'] as const;

export const NIGHT_HOURS = ['晚上十一点多', '半夜十二点', '凌晨一点', '晚上十点以后', '早上六点多', '中午十二点半'] as const;

export const DEFAULT_ASKS: Record<WorkOrderKind, readonly string[]> = {
  repair: [
    '麻烦尽快派人来修一下。', '请安排师傅上门看看，我下午三点以后在家。', '什么时候能来修？给我回个电话。',
    '能不能今天就处理？', '请尽快处理，谢谢。', '师傅来之前先打我电话。', '麻烦抓紧，别拖了。',
    '明天上午我都在家，可以过来。', '',
  ],
  complaint: [
    '希望物业给个说法。', '请你们尽快处理，不然我就打12345了。', '这个问题到底有没有人管？',
    '希望认真处理，处理完给我回个电话。', '请尽快解决。', '我要求你们给个明确的答复。',
    '你们管理处得重视一下。', '',
  ],
  inquiry: ['麻烦告诉我一下。', '查到了回个电话给我。', '谢谢。', '请帮忙问一下。', '', ''],
  help: ['麻烦快点派人过来！', '能不能帮帮忙？', '急，谢谢！', '麻烦帮忙处理一下。', ''],
  suggestion: ['希望考虑一下。', '供你们参考。', '希望能采纳。', '大家都有这个想法。', ''],
  praise: ['一定要表扬一下！', '特此表扬。', '请替我谢谢他。', '这样的员工应该奖励。', ''],
};

/** The mall desk speaks of 商场, not 物业, and shops are not flats. */
export const MALL_DEFAULT_ASKS: Partial<Record<WorkOrderKind, readonly string[]>> = {
  repair: ['麻烦尽快派人来看一下。', '请尽快处理，谢谢。', '麻烦尽快修一下。', ''],
  complaint: ['希望商场给个说法。', '请尽快处理。', '希望你们重视一下。', '处理完给我回个电话。', ''],
  suggestion: ['希望商场考虑一下。', '供你们参考。', ''],
};

/** Closing texts when no callback is due (the customer confirmed on the spot). */
export const DIRECT_CLOSE_TEXTS: Record<WorkOrderKind, readonly string[]> = {
  repair: ['维修完成，客户现场签字确认。', '客户现场确认已修好，结案。', '处理完毕，客户确认无需回访。'],
  complaint: ['客户当场表示接受处理结果，结案。'],
  inquiry: ['已答复，客户表示清楚，结案。', '客户当场确认，无需回访。', '已答复客户，结案。'],
  help: ['已协助完成，客户表示感谢，结案。', '客户确认问题已解决，结案。'],
  suggestion: ['已答复客户，结案。'],
  praise: ['表扬已转达，结案。', '已致谢客户，结案。'],
};

/** Closing a non-responsible complaint: no callback is owed once the customer has had the explanation (S1 4.6.3.2). */
export const EXPLAINED_CLOSE_TEXTS = [
  '已向客户解释说明，客户表示理解，结案。', '客户对解释表示理解，无其他诉求，结案。', '已解释并协助跟进，客户表示认可，结案。',
] as const;

/** Closing an assistance complaint whose callback was not sampled (S1 4.6.3.3(3) samples them). */
export const ASSISTED_CLOSE_TEXTS = {
  confirmed: ['客户已签字确认，协助事项办结，结案。', '客户确认已恢复正常，结案。'],
  unconfirmed: ['协助事项已办结，已告知客户，结案。', '相关单位已处理完毕，已通知客户，结案。'],
} as const;

/**
 * What a satisfied customer says on the callback (recorded with 满意 or 非常满意).
 * No sentence names how the call was made: the record's method says that, and
 * it is the callback's (phone, a visit for a major complaint, the customer's agreed way).
 */
export const DEFAULT_CALLBACKS: Record<WorkOrderKind, readonly string[]> = {
  repair: [
    '客户表示已修好，对维修结果满意。', '回访客户，维修后使用正常，满意。',
    '回访时客户表示师傅上门及时，满意。', '客户确认问题已解决，无其他意见。',
    '客户表示“已修好，谢谢”。', '回访客户，基本满意，提醒以后有问题随时报修。',
  ],
  complaint: [
    '客户对处理结果表示满意。', '回访客户，情况已改善，客户表示认可。',
    '客户对处理结果基本满意，希望保持。', '回访时客户表示接受处理方案，不再追究。',
    '客户表示满意，感谢跟进。',
  ],
  inquiry: [
    '已答复客户，客户表示清楚了。', '回访客户，对答复满意。', '已按约定答复，客户无其他疑问。',
    '已回复客户，客户表示理解。',
  ],
  help: ['回访客户，对协助表示感谢。', '客户表示问题已解决。', '回访客户，满意。'],
  suggestion: [
    '已告知采纳情况，客户表示满意。', '回访客户，已说明建议处理进度，客户表示理解。',
    '已回复客户，感谢其建议，客户满意。',
  ],
  praise: ['已告知客户表扬已转达，客户表示满意。', '已致谢客户，表扬已在部门通报。'],
};

/** A customer who rates the callback 一般: settled, but not pleased. */
export const NEUTRAL_CALLBACK_WORDS = [
  '回访客户，问题已解决，客户对处理速度有意见，已致歉并记录。', '客户表示问题是解决了，就是等得有点久。',
  '客户表示还行，希望下次能快一点。', '客户说处理结果勉强可以接受，希望以后多注意。',
  '客户表示师傅态度可以，但上门比约定时间晚了。',
] as const;

/** A customer who rates the callback 不满意 or worse: the words go back to the department and the order reopens. */
export const DISSATISFIED_CALLBACK_WORDS = [
  '问题仍未解决，要求重新处理。', '只是临时处理了一下，昨天又出现了，需要彻底解决。',
  '对处理结果不满意，要求部门再次上门。', '承诺的整改没有落实，客户要求重新跟进。',
  '已经反映好几次了还是老样子，客户非常不满。',
] as const;

/** Notes on a try that did not reach the customer; like the answers, they leave the method to the record. */
export const NOT_REACHED_NOTES = [
  '未联系上客户，稍后再联系。', '客户暂时不方便，约好稍后再联系。', '未能联系到客户本人，改时间再试。',
  '客户不在，已留言请客户方便时回复。', '联系客户未果，稍后再试。',
] as const;

/** A customer who declines the callback (S1 4.6.3.1(14)): recorded as refused, never as missed. */
export const REFUSED_CALLBACK_WORDS = [
  '客户表示问题已解决，不需要回访，请勿再打扰。', '客户拒绝回访，表示不必再联系，按规定记录。',
  '客户表示很忙，不接受回访。',
] as const;

/** A second result after the customer was not satisfied. */
export const SECOND_RESULTS = [
  '已再次上门彻底处理，并请客户现场确认。', '部门负责人到场督办，问题已彻底解决，客户现场确认。',
  '更换了整套配件，连续观察三天无异常。', '重新制定处理方案并落实，已向客户说明并致歉。',
  '已按客户意见重新处理，客户表示认可。',
] as const;

export const DISPATCH_TEXTS = [
  '请尽快处理。', '请10分钟内响应并联系客户。', '客户比较着急，请优先处理。', '请上门查看后反馈结果。',
  '已约客户，请按约定时间上门。', '请核实后处理，结果反馈客服中心。', '', '', '',
] as const;

export const NOTE_TEXTS_DESK = [
  '已电话联系客户，告知处理进度。', '客户再次来电催促，已安抚并催办。', '已与客户约定上门时间。',
  '客户情绪较激动，已安抚，请处理部门注意沟通方式。', '客户补充：希望处理时有人在场。',
  '客户来电询问进度，已告知预计完成时间。',
] as const;

export const NOTE_TEXTS_HANDLER = [
  '配件需要采购，预计两天内到货。', '已上门查看，需与供应商确认方案。', '客户不在家，已电话另约时间。',
  '已现场拍照取证，等待进一步处理。', '需协调相关单位，处理时间稍长，已告知客户。',
  '已联系维保单位，明早到场。',
] as const;

/** The customer comes back after the order was closed (a dissatisfied callback reopens by itself). */
export const REOPEN_TEXTS = [
  '客户来电反映同样问题再次出现，重新处理。', '客户再次来电，表示问题没有彻底解决，要求部门再次上门。',
  '客户表示承诺的整改没有落实，重新跟进。',
] as const;

export const CANCEL_TEXTS = [
  '客户来电表示问题已自行解决，申请撤单。', '重复登记，与客户前一张工单为同一事项，本单撤销。',
  '客户表示不再追究，撤回诉求。', '登记错误，客户并非本项目业主，已引导至相关单位。',
  '客户联系不上且现场核实无此问题，经主管确认撤销。',
] as const;

export const TRANSFER_TEXTS = [
  '交接班，由接班同事继续跟进。', '本人休假，转交同事跟进，已向客户说明。', '按首问负责制移交，已当面交接。',
  '客户要求由主管跟进，已移交。', '',
] as const;

export const GM_NOTE_TEXTS = [
  '总经理批示：高度重视，当天给客户答复，处理结果报我。', '总经理批示：由相关部门负责人牵头处理，三个工作日内闭环。',
  '总经理批示：主动联系客户沟通，做好解释和整改。',
] as const;

export const GOVERNMENT_NOTES = [
  '12345市民服务热线转办，要求三个工作日内反馈办理结果。', '街道办转来市民诉求，需书面回复。',
  '区住建委转办件，需按时反馈。',
] as const;

export const CONSUMER_ASSOCIATION_NOTES = [
  '区消协转办，请与顾客协商处理并反馈结果。', '市场监管所转来顾客投诉，需在规定时限内回复。',
] as const;

export const MEDIA_NOTES = [
  '客户在微博发帖曝光，已主动联系客户。', '本地生活类公众号报道了此事，已主动联系当事人。',
  '客户在抖音发视频投诉，已主动联系协商。',
] as const;
