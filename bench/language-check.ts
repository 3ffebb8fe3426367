/**
 * npm run bench -- --only language [--mb 8] [--rules 2000] [--runs 5] [--seed 20261125]
 *
 * Throughput of the forbidden-phrase checker (issue #5) as the server builds it
 * (packages/server/src/language/checker-cache.ts: the shared opencc converter),
 * beside the naive `String.includes` loop over every pattern (naiveIncludesScan).
 * The lexicon is the seed lexicon plus synthetic rules up to --rules: most are
 * real windows of desk sentences with the last character changed, so their
 * prefixes match the text all the time (the automaton's hard case) and they
 * seldom fire (about one reply in forty). The text is ~--mb MB (UTF-8) of
 * ordinary service-desk replies, a third in traditional script, with a
 * forbidden phrase about every fifty sentences. Two shapes: the whole text in one call ("bulk") and the same
 * text as single replies of one to three sentences ("replies", what
 * POST /language/check and the note route see). Best of --runs timed runs each
 * (after one warm-up): on a shared machine the best run is the least disturbed one.
 * Human-readable lines first; the last line is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as ToTraditional from 'opencc-js/cn2t';
import { FORBIDDEN_LEXICON, naiveIncludesScan, renderPhrase, STANDARD_PHRASES, type PhraseRule } from '../packages/domain/src/language/index.js';
import { buildChecker } from '../packages/server/src/language/checker-cache.js';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '8' },
    rules: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20261125' },
  },
});

/** mulberry32: the same seed gives the same lexicon and text. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const ORDINARY = [
  '请问您是几号楼几单元的业主？', '请您提供一下您的手机号码，方便我们联系您。', '我帮您重复一下：您反映的是三号楼二单元电梯异响，对吗？',
  '好的，我已经为您登记了报修，维修师傅会在30分钟内上门。', '如果师傅不能及时到达的话，我们会提前通知您。', '车辆在小区内不行驶时请熄火，谢谢您的配合。',
  '不知道您现在是否方便接听电话？', '小区内请勿投喂流浪猫，宠物喂养请遵守养犬管理规定。', '也就是说，您家的水表读数和账单上的不一致，对吗？',
  '问题应该是吧台那边的插座跳闸了，我马上安排电工过去。', '有可能是管道堵塞，我们安排师傅上门检查一下。', '我会安排工程师联系您，预计今天下午两点前。',
  '请您到一楼收银台付钱，谢谢。', '这里不可以停车，麻烦您把车停到地下车库，谢谢。', '您看明天上午十点上门可不可以？',
  '如果您对账单有不清楚的地方，可以随时来电咨询。', '这个月的物业费可以通过微信或者前台缴纳。', '您购买的商品在七天内，未使用且包装完好，可以凭发票办理退货。',
  '您的快递已经放在前台，请带好身份证来领取。', '今晚十点到明早六点小区停水检修，请您提前储水。', '失物招领处在一楼服务台，请您描述一下物品的特征。',
  '我们已经通知保洁部，半小时内清理干净。', '您反映的噪音问题，我们会和施工单位沟通，限定施工时间。', '对不起，给您添麻烦了，我会将您反映的问题如实上报主管。',
];

const FORBIDDEN_SENTENCES = ['你问我，我问谁？', '这事不归我管。', '我要下班了，明天再说。', '你去投诉啊，随便投诉哪都行。', '不知道。', '我不清楚啊。', '喂、喂，怎么不说话呢？'];

function buildText(targetBytes: number, rnd: ReturnType<typeof random>): string[] {
  const toTraditional = ToTraditional.Converter({ from: 'cn', to: 'tw' });
  const standard = STANDARD_PHRASES.map((p) => renderPhrase(p.text, { center: '回音花园', agentNo: '1003', customer: '王先生', reason: '系统升级' }));
  const pool = [...ORDINARY, ...standard];
  const replies: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const sentences: string[] = [];
    for (let k = rnd.int(1, 3); k > 0; k--) sentences.push(rnd.next() < 0.02 ? rnd.pick(FORBIDDEN_SENTENCES) : rnd.pick(pool));
    let reply = sentences.join('');
    if (rnd.next() < 1 / 3) reply = toTraditional(reply);
    replies.push(reply);
    bytes += Buffer.byteLength(reply) + 1;
  }
  return replies;
}

/** Synthetic rules: sentence windows with a changed last character, and a few random strings. */
function buildRules(count: number, rnd: ReturnType<typeof random>): PhraseRule[] {
  const rules: PhraseRule[] = [...FORBIDDEN_LEXICON];
  const source = ORDINARY.join('').replace(/[，。？！：；、\d]/g, '');
  const alphabet = [...new Set(source + FORBIDDEN_LEXICON.map((r) => r.phrase).join(''))].filter((c) => /\p{Script=Han}/u.test(c));
  const seen = new Set(rules.flatMap((r) => r.patterns ?? [r.phrase]));
  while (rules.length < count) {
    let phrase: string;
    if (rnd.next() < 0.8) {
      const length = rnd.int(3, 6);
      const at = rnd.int(0, source.length - length);
      phrase = source.slice(at, at + length - 1) + rnd.pick(alphabet);
    } else {
      phrase = Array.from({ length: rnd.int(2, 5) }, () => rnd.pick(alphabet)).join('');
    }
    if (seen.has(phrase) || source.includes(phrase)) continue;
    seen.add(phrase);
    rules.push({ id: `bench-${rules.length}`, phrase, group: '不规范用语', severity: 'nonStandard', sources: [], suggestion: '—' });
  }
  return rules;
}

function timeIt(runs: number, fn: () => number): { ms: number; hits: number } {
  fn(); // warm-up: tables, JIT
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    hits = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: Math.min(...times), hits };
}

const rnd = random(Number(args.seed));
const replies = buildText(Number(args.mb) * 1024 * 1024, rnd);
const text = replies.join('\n');
const bytes = Buffer.byteLength(text);
const rules = buildRules(Number(args.rules), rnd);
const runs = Number(args.runs);

const compileStart = process.hrtime.bigint();
const checker = buildChecker(rules);
const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;

const mbps = (ms: number) => Math.round((bytes / 1024 / 1024 / (ms / 1000)) * 10) / 10;
const bulk = timeIt(runs, () => checker.check(text).length);
const perReply = timeIt(runs, () => {
  let n = 0;
  for (const r of replies) n += checker.check(r).length;
  return n;
});
const naiveBulk = timeIt(Math.min(runs, 3), () => naiveIncludesScan(rules, text).length);
const naiveReplies = timeIt(Math.min(runs, 3), () => {
  let n = 0;
  for (const r of replies) n += naiveIncludesScan(rules, r).length;
  return n;
});

const result = {
  bench: 'language-check',
  node: process.version,
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  textMB: Math.round((bytes / 1024 / 1024) * 100) / 100,
  characters: text.length,
  replies: replies.length,
  rules: rules.length,
  compileMs: Math.round(compileMs),
  checker: { bulkMBps: mbps(bulk.ms), repliesMBps: mbps(perReply.ms), bulkHits: bulk.hits, replyHits: perReply.hits },
  naiveIncludes: { bulkMBps: mbps(naiveBulk.ms), repliesMBps: mbps(naiveReplies.ms), bulkRulesFired: naiveBulk.hits, replyRulesFired: naiveReplies.hits },
};

console.log(`text ${result.textMB} MB UTF-8 (${text.length} characters, ${replies.length} replies), ${rules.length} rules, compiled in ${result.compileMs} ms`);
console.log(`checker        bulk ${result.checker.bulkMBps} MB/s   replies ${result.checker.repliesMBps} MB/s   (${bulk.hits} hits)`);
console.log(`naive includes bulk ${result.naiveIncludes.bulkMBps} MB/s   replies ${result.naiveIncludes.repliesMBps} MB/s   (no script folding, no context rules)`);
console.log(JSON.stringify(result));
