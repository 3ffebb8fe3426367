/**
 * Default lexicon of forbidden (服务禁语/忌语) and non-standard (不规范用语)
 * phrases, taken verbatim from the seeds and converted to simplified script.
 * Organisations edit a copy; the checker takes any list of PhraseRule.
 *
 * How the seeds' own conflicts are settled (see DOMAIN.md §6):
 * - Bare refusals ("不知道", "不清楚", "不行", "不可以", "不能", S1 part 3; "不能做",
 *   S4) are 'wholeClause' and softened by a preceding apology: they fire as
 *   the curt answer "不能。" / "我不清楚啊", not inside "不能及时到达的话我们会提前
 *   通知您" or "车辆不行驶时", and not in S2's prescribed "对不起，这方面的问题我也
 *   不清楚" nor S3's "很抱歉，按规定实在不能退换".
 * - "我不知道" / "我不清楚" are banned outright by S1 part 5 and S3, apology or
 *   not; S3's prescribed "对不起，我不太清楚，请稍候，我去问问再答您" and S2's
 *   "我也不清楚" do not contain them, so both seeds hold.
 * - "喂" / "哎" alone are whole-clause only ("喂养", "哎呀" stay clean); the
 *   repeated "喂、喂" of S1 fires wherever it stands.
 * - S1 part 3 advises against "不好意思，让您久等" after a hold, while S3 and S0
 *   prescribe "不好意思让您久等了" when greeting a queued visitor: that advice is
 *   about a moment, not a phrase, so it lives in quality inspection (after-hold
 *   turn), not here.
 * - S0 names behaviours (模棱两可, 胡乱作答) but no phrases; it adds no entry.
 */
import { APOLOGY_SOFTENERS } from './context-rules.js';
import type { PhraseRule, SeedRef } from './types.js';

const s1Ban = (n: number): SeedRef => ({ seed: 'S1', at: `第三篇 服务禁止用语 1.服务禁语 第${n}条` });
const s1Ns = (n: number): SeedRef => ({ seed: 'S1', at: `第三篇 服务禁止用语 2.不规范服务用语 第${n}条` });
const S1_BUSY: SeedRef = { seed: 'S1', at: '第三篇 沟通用语 10.忙碌时 1 禁忌用语' };
const S1_TABOO: SeedRef = { seed: 'S1', at: '第五篇 (二)服务忌语' };
const S1_NOTE7: SeedRef = { seed: 'S1', at: '第五篇 (三)基本规范服务用语 7 注' };
const S3_NEVER: SeedRef = { seed: 'S3', at: '客服人员礼仪 接听客服电话热线: 绝不可对顾客说' };
const S3_SORRY: SeedRef = { seed: 'S3', at: '客服人员礼仪规范 1 敬语的运用 “对不起” 忌' };
const S3_PLEASE: SeedRef = { seed: 'S3', at: '客服人员礼仪规范 1 敬语的运用 “请” 忌' };
const S4_NO: SeedRef = { seed: 'S4', at: '二 提供服务时的注意事项 第4条' };
const S4_ADDRESS: SeedRef = { seed: 'S4', at: '一 礼节礼貌要求 第3条 称呼得当' };
const S2_REFER: SeedRef = { seed: 'S2', at: '二 电话接听 结束通话 严禁要求客户' };

// Standard phrases offered instead, verbatim from the seeds where one fits.
const VERIFY = '很抱歉，请您稍等一下，我帮您核实。'; // S1 part 5 (三)7
const CALL_BACK = '对不起，您方便留下您的联系方式吗？我们核实后在三个工作日内尽快与您联系。'; // S1 part 3 沟通 9
const OWN_IT = '您的问题是属于我的职责范围内的，请您放心，我会按公司的规定处理，尽我的能力为您解决。'; // S1 part 3 抱怨 7
const HELP_HERE = '您可以把问题告诉我，我也可以帮您处理。'; // S1 part 5 (三)14
const SUPERVISE = '对不起，非常欢迎您监督我们的服务，我们会在以后的工作中注意改进，谢谢您的建议！'; // S1 part 5 (五)4
const SORRY_TROUBLE = '对不起，给您添麻烦了，我会将您反映的问题如实上报主管，并尽快核实处理，给您带来的不便请您原谅！'; // S1 part 3 抱怨 5
const BEYOND = '很抱歉，这超出我们的服务范围，恐怕我不能帮助您。'; // S1 part 3 沟通 7
const RULES_SAY = '很抱歉，按规定实在不能……，可以采取其它办法解决吗？'; // S3 礼貌用语 5(3)
const CALM = '请您不要着急，我会尽力帮您解决。'; // S1 part 5 (三)9
const SLOWLY = '对不起，请您慢慢说好吗？请问您要反映哪方面的问题，我一定会帮您解决的。'; // S1 part 3 抱怨 2
const AGAIN = '不好意思，可能是我没有讲清楚，我再为您说明一遍。'; // no seed wording; S1 part 2 asks for 耐心解答
const REPEAT = '很抱歉，我没有听清您的问题，请您重复一遍好吗？'; // S1 part 5 (四)3
const LOUDER = '很抱歉，我听不到您讲话，请您声音大一点好吗？'; // S1 part 5 (四)2
const SILENT = '您好，您的电话已接通，请讲话。'; // S1 part 5 (四)5
const CONFIRM = '我帮您重复一下：……'; // S1 part 5 (三)5
const VAGUE = '很抱歉，您所提到的问题，我需要进一步核实，请您留下联系电话，我们会将结果及时回复给您。'; // S1 part 5 (三)11
const PLAIN = '去掉口头禅，简明扼要地回答（S1 第二篇 第5条：回答用户问题要简明扼要）。';
const WAIT = '您的问题我需要核实一下，请您稍等。'; // S1 part 3 忙碌时 1

const NO_ANSWER = 'A curt whole-clause answer only; softened by an apology earlier in the sentence (S2/S3 prescribe apology-first refusals).';

export const FORBIDDEN_LEXICON: readonly PhraseRule[] = [
  // S1 第三篇 1.服务禁语
  { id: 's1-ban-01', phrase: '你去投诉啊，随便投诉哪都行。', group: '斗气语', severity: 'forbidden', sources: [s1Ban(1)], suggestion: SUPERVISE, patterns: ['你去投诉', '随便投诉哪都行'] },
  { id: 's1-ban-02', phrase: '您找领导去。', group: '斗气语', severity: 'forbidden', sources: [s1Ban(2)], suggestion: OWN_IT, patterns: ['您找领导去', '你找领导去'] },
  { id: 's1-ban-03', phrase: '要投诉你去投诉吧，我还怕你？', group: '斗气语', severity: 'forbidden', sources: [s1Ban(3)], suggestion: SUPERVISE, patterns: ['要投诉你去投诉', '我还怕你'] },
  { id: 's1-ban-04', phrase: '我就这态度，你又能怎样？', group: '斗气语', severity: 'forbidden', sources: [s1Ban(4)], suggestion: '对不起，由于我们服务不周给您添麻烦了，请您原谅，您能重述一下您的问题吗？', patterns: ['我就这态度', '你又能怎样'] },
  { id: 's1-ban-05', phrase: '你问我，我问谁？', group: '斗气语', severity: 'forbidden', sources: [s1Ban(5), S1_TABOO], suggestion: VERIFY },
  { id: 's1-ban-06', phrase: '我又不是***我怎么知道。', group: '蔑视语', severity: 'forbidden', sources: [s1Ban(6)], suggestion: VERIFY, patterns: ['我怎么知道'] },
  { id: 's1-ban-07', phrase: '不会用就别用。', group: '蔑视语', severity: 'forbidden', sources: [s1Ban(7)], suggestion: HELP_HERE },
  { id: 's1-ban-08', phrase: '这么简单都不知道。', group: '蔑视语', severity: 'forbidden', sources: [s1Ban(8)], suggestion: HELP_HERE },
  {
    id: 's1-ban-09', phrase: '公司是绝对不会出错的。', group: '斗气语', severity: 'forbidden', sources: [s1Ban(9)], suggestion: SORRY_TROUBLE,
    patterns: ['公司是绝对不会出错', '公司绝对不会出错', '我们是绝对不会出错', '我们绝对不会出错'],
    note: 'Not bare "绝对不会出错": "我们会仔细核对，确保绝对不会出错" is a promise, not a denial.',
  },
  { id: 's1-ban-10a', phrase: '不知道', group: '否定语', severity: 'forbidden', sources: [s1Ban(10), s1Ns(9), S1_TABOO, S4_NO], suggestion: VERIFY, scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS, note: NO_ANSWER },
  { id: 's1-ban-10b', phrase: '不清楚', group: '否定语', severity: 'forbidden', sources: [s1Ban(10)], suggestion: VERIFY, scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS, note: NO_ANSWER },
  { id: 's1-ban-10c', phrase: '不关**的事。', group: '否定语', severity: 'forbidden', sources: [s1Ban(10)], suggestion: OWN_IT, patterns: ['不关我的事', '不关我事', '不关我们的事'] },

  // S1 第三篇 2.不规范服务用语
  { id: 's1-ns-01a', phrase: '喂、喂、喂、喂，怎么不说话呢？', group: '不规范用语', severity: 'nonStandard', sources: [s1Ns(1)], suggestion: SILENT, patterns: ['喂、喂', '怎么不说话呢'] },
  { id: 's1-ns-01b', phrase: '喂，再不说话我就不理你了。', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(1)], suggestion: '很抱歉，您的电话没有声音，请稍后再拨，再见！', patterns: ['再不说话我就不理你'] },
  { id: 's1-ns-02', phrase: '你快点讲。', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(2), S1_TABOO], suggestion: SLOWLY, patterns: ['你快点讲'] },
  { id: 's1-ns-03', phrase: '你不要打字，看我发的信息。', group: '不规范用语', severity: 'nonStandard', sources: [s1Ns(3)], suggestion: '麻烦您看一下我发给您的信息，谢谢。', patterns: ['你不要打字'] },
  { id: 's1-ns-04', phrase: '不是我受理的，我不清楚。', group: '否定语', severity: 'nonStandard', sources: [s1Ns(4)], suggestion: HELP_HERE, patterns: ['不是我受理的'] },
  { id: 's1-ns-05', phrase: '你找别人吧！我帮不了你。', group: '否定语', severity: 'nonStandard', sources: [s1Ns(5)], suggestion: HELP_HERE, patterns: ['你找别人吧', '我帮不了你'] },
  { id: 's1-ns-06', phrase: '这不是我的错，我帮不了。', group: '否定语', severity: 'nonStandard', sources: [s1Ns(6)], suggestion: SORRY_TROUBLE, patterns: ['这不是我的错', '我帮不了'] },
  { id: 's1-ns-07', phrase: '我也没有办法啊！', group: '否定语', severity: 'nonStandard', sources: [s1Ns(7)], suggestion: BEYOND, patterns: ['我也没有办法', '我也没办法'] },
  { id: 's1-ns-08', phrase: '不行就是不行。', group: '否定语', severity: 'nonStandard', sources: [s1Ns(8)], suggestion: RULES_SAY },
  {
    id: 's1-ns-09a', phrase: '不行', group: '否定语', severity: 'nonStandard', sources: [s1Ns(9), S4_NO], suggestion: RULES_SAY, scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS,
    note: `${NO_ANSWER} Whole-clause also keeps "不行驶", "行不行" and "步行不行吗" apart.`,
  },
  { id: 's1-ns-09b', phrase: '不可以', group: '否定语', severity: 'nonStandard', sources: [s1Ns(9)], suggestion: RULES_SAY, scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS, note: NO_ANSWER },
  {
    id: 's1-ns-09c', phrase: '不能', group: '否定语', severity: 'nonStandard', sources: [s1Ns(9)], suggestion: BEYOND, scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS,
    note: `${NO_ANSWER} "不能及时到达的话我们会提前通知您" (S2) is not a whole clause.`,
  },
  { id: 's1-ns-10', phrase: '刚才不是跟你说了，怎么还不清楚？', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(10)], suggestion: AGAIN, patterns: ['刚才不是跟你说了', '怎么还不清楚'] },
  { id: 's1-ns-11', phrase: '我讲了那么半天，你怎么还不明白？', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(11)], suggestion: AGAIN, patterns: ['我讲了那么半天', '你怎么还不明白'] },
  { id: 's1-ns-12', phrase: '你到底明不明白我在说什么？', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(12)], suggestion: AGAIN, patterns: ['你到底明不明白'] },
  { id: 's1-ns-13', phrase: '要我说多少遍你才明白啊？', group: '蔑视语', severity: 'nonStandard', sources: [s1Ns(13)], suggestion: AGAIN, patterns: ['要我说多少遍'] },
  { id: 's1-ns-14', phrase: '你有没搞懂我的意思？', group: '蔑视语', severity: 'nonStandard', sources: [s1Ns(14)], suggestion: AGAIN, patterns: ['你有没搞懂', '你有没有搞懂'] },
  { id: 's1-ns-15', phrase: '难道你还不清楚？', group: '蔑视语', severity: 'nonStandard', sources: [s1Ns(15)], suggestion: AGAIN, patterns: ['难道你还不清楚'] },
  { id: 's1-ns-16', phrase: '我刚才已经讲过了，你没有听明白吗？', group: '烦躁语', severity: 'nonStandard', sources: [s1Ns(16)], suggestion: AGAIN, patterns: ['我刚才已经讲过了', '你没有听明白吗'] },
  { id: 's1-ns-17a', phrase: '也许是吧', group: '模糊用语', severity: 'nonStandard', sources: [s1Ns(17)], suggestion: VAGUE, exceptions: ['也许是吧台'] },
  { id: 's1-ns-17b', phrase: '应该是吧', group: '模糊用语', severity: 'nonStandard', sources: [s1Ns(17)], suggestion: VAGUE, exceptions: ['应该是吧台'], note: '"问题应该是吧台那边的插座" is a statement about the bar counter (吧台).' },
  {
    id: 's1-ns-17c', phrase: '有可能是', group: '模糊用语', severity: 'nonStandard', sources: [s1Ns(17)], suggestion: VAGUE, scope: 'wholeClause',
    note: 'Only as the whole answer: "有可能是管道堵塞，我们安排师傅上门检查" names a cause and acts on it.',
  },
  { id: 's1-ns-18a', phrase: '不会啦', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN },
  { id: 's1-ns-18b', phrase: '哇塞', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN },
  { id: 's1-ns-18c', phrase: '你知道...', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN, patterns: ['你知道'], scope: 'clauseStart' },
  { id: 's1-ns-18d', phrase: '你明白我的意思...', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN, patterns: ['你明白我的意思'] },
  { id: 's1-ns-18e', phrase: '我是说...', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN, patterns: ['我是说'], scope: 'clauseStart' },
  { id: 's1-ns-18f', phrase: '老实说...', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN, patterns: ['老实说'], scope: 'clauseStart', note: 'Clause start only: "请老实说明情况" is not the filler.' },
  { id: 's1-ns-18g', phrase: '还有啦', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN },
  { id: 's1-ns-18h', phrase: '就是说...', group: '口头禅', severity: 'nonStandard', sources: [s1Ns(18)], suggestion: PLAIN, patterns: ['就是说'], scope: 'clauseStart', note: 'Clause start only: "也就是说" is ordinary explanation.' },

  // S1 第三篇 10.忙碌时: taboo ways of asking the customer to wait
  { id: 's1-busy-01', phrase: '你等下，我帮你问下。', group: '不规范用语', severity: 'forbidden', sources: [S1_BUSY], suggestion: WAIT, patterns: ['你等下', '我帮你问下'] },
  { id: 's1-busy-02', phrase: '你等下，我帮你问下老师/师兄。', group: '不规范用语', severity: 'forbidden', sources: [S1_BUSY], suggestion: WAIT, patterns: ['我帮你问下老师', '我帮你问下师兄'] },
  { id: 's1-busy-03', phrase: '请您稍等下，我帮你问下专家。', group: '不规范用语', severity: 'forbidden', sources: [S1_BUSY], suggestion: WAIT, patterns: ['我帮你问下专家'] },

  // S1 第五篇 (二)服务忌语 (entries already above list this source too)
  { id: 's1-taboo-01', phrase: '喂', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO, S4_ADDRESS], suggestion: SILENT, scope: 'wholeClause', note: 'Whole clause only: "宠物喂养", "请勿投喂" are ordinary.' },
  { id: 's1-taboo-02', phrase: '打错了', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '您好，这里是客户服务中心，请问您有什么问题需要咨询？', scope: 'wholeClause', note: 'Whole clause only: "您的发票打错了，我们马上为您重开" is ordinary.' },
  { id: 's1-taboo-03', phrase: '大声点', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: LOUDER },
  { id: 's1-taboo-04', phrase: '我问你贵姓', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '请问您贵姓？' },
  { id: 's1-taboo-05', phrase: '你听清楚没', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CONFIRM },
  { id: 's1-taboo-06', phrase: '喂，你出声啦', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: SILENT },
  { id: 's1-taboo-07', phrase: '慢慢讲，急什么', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: SLOWLY },
  { id: 's1-taboo-08', phrase: '有本事就投诉我', group: '斗气语', severity: 'forbidden', sources: [S1_TABOO], suggestion: SUPERVISE, patterns: ['有本事就投诉'] },
  { id: 's1-taboo-09', phrase: '你怎么不早说', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALM },
  { id: 's1-taboo-10', phrase: '你到底有没有听我讲', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CONFIRM },
  { id: 's1-taboo-11', phrase: '听不见，再讲一次', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: LOUDER },
  { id: 's1-taboo-12', phrase: '刚才不是告诉你了吗', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: AGAIN },
  { id: 's1-taboo-13', phrase: '你为何不提前准备', group: '蔑视语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALM },
  { id: 's1-taboo-14', phrase: '我问你手机号码', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '请您提供手机号码。' },
  { id: 's1-taboo-15', phrase: '你电话太吵我怎么听', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '很抱歉，您讲话的声音时断时续，请您再重复一下，好吗？', patterns: ['你电话太吵'] },
  { id: 's1-taboo-16', phrase: '有没有搞错，说那么大声', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALM, patterns: ['有没有搞错，说那么大声', '说那么大声'] },
  { id: 's1-taboo-17', phrase: '你知不知道', group: '蔑视语', severity: 'forbidden', sources: [S1_TABOO], suggestion: AGAIN },
  { id: 's1-taboo-18', phrase: '你刚才不是已查过了吗', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: VERIFY, patterns: ['你刚才不是已查过了', '你刚才不是已经查过了'] },
  { id: 's1-taboo-19', phrase: '我不知道', group: '否定语', severity: 'forbidden', sources: [S1_TABOO, S1_NOTE7, S3_NEVER], suggestion: VERIFY, exceptions: ['我不知道您是否'], note: 'Banned even after an apology (S1 part 5 note 7, S3); "我不知道您是否方便" asks politely.' },
  { id: 's1-taboo-20', phrase: '我没办法', group: '否定语', severity: 'forbidden', sources: [S1_TABOO], suggestion: BEYOND },
  { id: 's1-taboo-21', phrase: '我不清楚', group: '否定语', severity: 'forbidden', sources: [S1_TABOO, S1_NOTE7], suggestion: VERIFY, note: 'Banned even after an apology (S1 part 5 note 7); S2\'s "我也不清楚" and S3\'s "我不太清楚" are different strings.' },
  { id: 's1-taboo-22', phrase: '我没有空', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO, S3_NEVER], suggestion: '对不起，请稍等，我就来。', patterns: ['我没有空', '我没空'] },
  { id: 's1-taboo-23', phrase: '我要下班了', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALL_BACK },
  { id: 's1-taboo-24', phrase: '你明天再打来', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALL_BACK },
  { id: 's1-taboo-25', phrase: '你自己去看', group: '蔑视语', severity: 'forbidden', sources: [S1_TABOO], suggestion: HELP_HERE },
  { id: 's1-taboo-26', phrase: '你着急什么', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALM },
  { id: 's1-taboo-27', phrase: '我正忙着呢', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '对不起，请稍等，我就来。' },
  { id: 's1-taboo-28', phrase: '这事不归我管', group: '否定语', severity: 'forbidden', sources: [S1_TABOO], suggestion: OWN_IT, patterns: ['这事不归我管', '不归我管'] },
  { id: 's1-taboo-29', phrase: '这事与我无关', group: '否定语', severity: 'forbidden', sources: [S1_TABOO], suggestion: OWN_IT, patterns: ['这事与我无关', '与我无关'] },
  { id: 's1-taboo-30', phrase: '你说得不对', group: '斗气语', severity: 'forbidden', sources: [S1_TABOO], suggestion: '是这样的，我再为您说明一下。', patterns: ['你说得不对', '你说的不对'] },
  { id: 's1-taboo-31', phrase: '你真罗嗦', group: '蔑视语', severity: 'forbidden', sources: [S1_TABOO], suggestion: SLOWLY, patterns: ['你真罗嗦', '你真啰嗦', '你真啰唆'] },
  { id: 's1-taboo-32', phrase: '你为何不问清楚', group: '蔑视语', severity: 'forbidden', sources: [S1_TABOO], suggestion: AGAIN },
  { id: 's1-taboo-33', phrase: '你怎么这样烦', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CALM },
  { id: 's1-taboo-34', phrase: '喂，有没有声音，说吧', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: SILENT, patterns: ['喂，有没有声音'] },
  { id: 's1-taboo-35', phrase: '你听我说', group: '不规范用语', severity: 'forbidden', sources: [S1_TABOO], suggestion: CONFIRM },
  { id: 's1-taboo-36', phrase: '什么？听不清，重讲', group: '烦躁语', severity: 'forbidden', sources: [S1_TABOO], suggestion: REPEAT, patterns: ['听不清，重讲'] },

  // S3 (mall service desk), S4 (property training), S2 (IT support)
  { id: 's3-sorry-01', phrase: '我们这里不卖食品', group: '不规范用语', severity: 'nonStandard', sources: [S3_SORRY], suggestion: '对不起，我们这里不卖食品。', patterns: ['我们这里不卖'], unlessAfter: APOLOGY_SOFTENERS, note: 'S3: say 对不起 first, then state the point.' },
  { id: 's3-please-01', phrase: '一个电话3角钱，付钱', group: '不规范用语', severity: 'nonStandard', sources: [S3_PLEASE], suggestion: '请您付……钱。', patterns: ['付钱'], scope: 'wholeClause', note: 'The bare order "付钱"; "请您付钱" has a 请 in front and passes.' },
  { id: 's4-no-01', phrase: '不能做', group: '否定语', severity: 'nonStandard', sources: [S4_NO], suggestion: '对不起，请您留下您的联系方式，我会给您一个回复。', scope: 'wholeClause', unlessAfter: APOLOGY_SOFTENERS, note: NO_ANSWER },
  { id: 's4-address-01', phrase: '哎', group: '不规范用语', severity: 'nonStandard', sources: [S4_ADDRESS], suggestion: '您好', scope: 'wholeClause', exceptions: ['哎呀', '哎哟', '哎呦'], note: 'Only as a bare call for attention; the interjection "哎呀" (呀 would otherwise pass as a trailing particle) is not an address.' },
  {
    id: 's2-refer-01', phrase: '与“xx服务部联系”或与“xxx工程师联系”', group: '不规范用语', severity: 'nonStandard', sources: [S2_REFER], suggestion: '我会让服务部或工程师尽快与您联系。',
    patterns: ['服务部联系', '工程师联系'],
    exceptions: ['让服务部联系', '让工程师联系', '安排服务部联系', '安排工程师联系', '由服务部联系', '由工程师联系', '服务部联系您', '工程师联系您'],
    note: 'Sending the customer off to call someone else is banned; the agent arranging the call-back ("安排工程师联系您") is the prescribed way.',
  },
];
