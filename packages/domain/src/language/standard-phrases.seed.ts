/**
 * Standard phrases (规范用语) by moment of a contact, verbatim from the seeds in
 * simplified script. The seeds' placeholders become variables: "**客服中心" →
 * "{center}", "***号" → "{agentNo}号", "X先生/女士" / "某先生/小姐" → "{customer}".
 * "……" marks where the agent goes on with the matter itself.
 */
import type { SeedRef } from './types.js';

export const PHRASE_MOMENTS = [
  'opening', 'festivalOpening', 'askToWait', 'waitOver45s', 'afterWait', 'transfer',
  'apology', 'angryCustomer', 'customerThanks', 'cannotAnswerNow', 'escalation',
  'refusePersonalData', 'agentIdentity', 'closing', 'festivalClosing',
  'callbackInquiry', 'callbackComplaint', 'callbackSurvey',
  'silentCaller', 'abusiveCaller', 'wrongNumber', 'outage', 'lowVoice', 'unclearSpeech', 'brokenLine',
] as const;
export type PhraseMoment = (typeof PHRASE_MOMENTS)[number];

export interface StandardPhrase {
  readonly id: string;
  readonly moment: PhraseMoment;
  /** Template with {center}, {agentNo}, {customer} (and rarely {reason}). */
  readonly text: string;
  /** What the agent says at the end of the same exchange (callbacks, silent caller). */
  readonly followUp?: string;
  readonly sources: readonly SeedRef[];
  readonly note?: string;
}

const p3 = (at: string): SeedRef => ({ seed: 'S1', at: `第三篇 ${at}` });
const p5 = (at: string): SeedRef => ({ seed: 'S1', at: `第五篇 ${at}` });

export const STANDARD_PHRASES: readonly StandardPhrase[] = [
  { id: 'opening-1', moment: 'opening', text: '您好，{center}客服中心，{agentNo}号为您服务，请问您需要什么帮助？', sources: [p5('(三)1')] },
  { id: 'opening-2', moment: 'opening', text: '您好，{center}', sources: [{ seed: 'S1', at: '第一篇 4.1.1' }, { seed: 'S0', at: '3.1 电话接听' }] },
  { id: 'opening-3', moment: 'opening', text: '您好！{center}顾客服务部！', sources: [{ seed: 'S3', at: '客服前台接待规范 17)' }] },
  { id: 'opening-4', moment: 'opening', text: '您好，请问有什么可以帮您？', sources: [p3('开场白用语 3')], note: 'When the customer greets first.' },
  { id: 'opening-5', moment: 'opening', text: '您好，有什么可以帮到您吗？', sources: [{ seed: 'S0', at: '3.1 访客接待' }], note: 'Visitor at the desk.' },

  { id: 'festival-opening-1', moment: 'festivalOpening', text: '节日好！{agentNo}号为您服务，请问您需要什么帮助？', sources: [p5('(四)1')], note: 'Also 周末好！/新年好！' },
  { id: 'festival-opening-2', moment: 'festivalOpening', text: '春节好！请问是{customer}吗？我是{center}的客服专员。', sources: [p3('开场白用语 2')] },

  { id: 'wait-1', moment: 'askToWait', text: '您的问题我需要核实一下，请您稍等。', sources: [p3('10.忙碌时 1')] },
  { id: 'wait-2', moment: 'askToWait', text: '请您稍等，我帮您查询。听不到我的声音，请不要挂机！', sources: [p5('(三)6')], note: 'Press the hold key.' },
  { id: 'wait-3', moment: 'askToWait', text: '很抱歉，请您稍等一下，我帮您核实。', sources: [p5('(三)7')] },
  { id: 'wait-4', moment: 'askToWait', text: '电脑正在查找，请您稍等。', sources: [p5('(三)13')] },
  { id: 'wait-5', moment: 'askToWait', text: '请您稍候', sources: [{ seed: 'S2', at: '电话接听' }], note: 'S2: a wait never exceeds one minute; otherwise take a number and call back.' },

  { id: 'wait-45s-1', moment: 'waitOver45s', text: '很抱歉，我正在与您核实相关问题，请您耐心等待，谢谢！', sources: [p3('10.忙碌时 2')], note: 'Seed: 核实/查询/确认.' },

  { id: 'after-wait-1', moment: 'afterWait', text: '非常感谢您的等待，关于您咨询的问题……', sources: [p3('10.忙碌时 3')], note: 'Not "不好意思，让您久等" (S1 part 3: it stresses the wait).' },
  { id: 'after-wait-2', moment: 'afterWait', text: '感谢您的耐心等待。您咨询的问题是……', sources: [p5('(三)8')] },

  { id: 'transfer-1', moment: 'transfer', text: '现在我为您转接电话，请稍等。', sources: [p5('(三)15')] },

  { id: 'apology-1', moment: 'apology', text: '对不起，请您原谅。', sources: [p3('沟通用语 4')] },
  { id: 'apology-2', moment: 'apology', text: '对不起，很抱歉。', sources: [p3('沟通用语 4')] },
  { id: 'apology-3', moment: 'apology', text: '对不起，给您添麻烦了，我会将您反映的问题如实上报主管，并尽快核实处理，给您带来的不便请您原谅！', sources: [p3('抱怨与投诉 5')] },
  { id: 'apology-4', moment: 'apology', text: '{customer}您好，给您带来的不便向您深表歉意，您的问题我会尽快向相关部门反馈，有结果会马上通知您，给您带来的不便再次向您表示歉意！', sources: [p3('抱怨与投诉 6')] },
  { id: 'apology-5', moment: 'apology', text: '{customer}，我首先对此问题给您带来的不便表示歉意，请您详细讲一下您要反映的情况，我们会帮您解决的。', sources: [p5('(五)1')] },
  { id: 'apology-6', moment: 'apology', text: '对不起，是我们做得不够，我们会尽快改正。', sources: [{ seed: 'S3', at: '客服日常规范用语 5(7)' }] },

  { id: 'angry-1', moment: 'angryCustomer', text: '对不起，{customer}，请问有什么可以帮您？我一定会尽力帮您解决问题。', sources: [p3('抱怨与投诉 2')] },
  { id: 'angry-2', moment: 'angryCustomer', text: '对不起，{customer}，请您慢慢说好吗？请问您要反映哪方面的问题，我一定会帮您解决的。', sources: [p3('抱怨与投诉 2')] },
  { id: 'angry-3', moment: 'angryCustomer', text: '请您不要着急，我会尽力帮您解决。', sources: [p5('(三)9')] },

  { id: 'thanks-1', moment: 'customerThanks', text: '不客气', sources: [p3('沟通用语 8')] },
  { id: 'thanks-2', moment: 'customerThanks', text: '请不必客气，这是我们应该做的，感谢您对我们工作的支持，随时欢迎您再来电。', sources: [p3('沟通用语 8')] },
  { id: 'thanks-3', moment: 'customerThanks', text: '不客气，这是我应该做的，请问您还需要其它帮助吗？', sources: [p5('(四)7')] },

  { id: 'cannot-answer-1', moment: 'cannotAnswerNow', text: '对不起，您方便留下您的联系方式吗？我们核实后在三个工作日内尽快与您联系。', sources: [p3('沟通用语 9')] },
  { id: 'cannot-answer-2', moment: 'cannotAnswerNow', text: '很抱歉，您所提到的问题，由于{reason}原因，我需要进一步核实，请您留下联系电话，我们会将结果及时回复给您。', sources: [p5('(三)11')] },
  { id: 'cannot-answer-3', moment: 'cannotAnswerNow', text: '对不起，我不太清楚，请稍候，我去问问再答您。', sources: [{ seed: 'S3', at: '客服日常规范用语 5(2)' }] },
  { id: 'cannot-answer-4', moment: 'cannotAnswerNow', text: '对不起，请您稍等，我了解一下再告诉您好吗？', sources: [{ seed: 'S0', at: '3.1 访客接待' }] },
  { id: 'cannot-answer-5', moment: 'cannotAnswerNow', text: '对不起，请您留下您的联系方式，我会给您一个回复。', sources: [{ seed: 'S4', at: '二 提供服务时的注意事项 4' }] },

  { id: 'escalation-1', moment: 'escalation', text: '您的问题我已记录好，会提交给相关人员处理，并在三个工作日内回复您。', sources: [p3('抱怨与投诉 8')] },
  { id: 'escalation-2', moment: 'escalation', text: '您的投诉内容我们已做好了详细记录，会很快转发到相关部门解决，处理完毕后我们会将结果立即通知到您。', sources: [p5('(五)2')] },
  { id: 'escalation-3', moment: 'escalation', text: '您的问题是属于我的职责范围内的，请您放心，我会按公司的规定处理，尽我的能力为您解决，请您放心交给我为您处理好吗？', sources: [p3('抱怨与投诉 7')], note: 'When the customer asks for a manager.' },

  { id: 'personal-data-1', moment: 'refusePersonalData', text: '很抱歉，为了维护用户的利益，我无法为您提供用户个人信息，请您谅解。', sources: [p5('(三)12')] },
  { id: 'identity-1', moment: 'agentIdentity', text: '对不起，我的工号是{agentNo}号。', sources: [p3('沟通用语 2')], note: '公司规定只能通报工号 — never the full name.' },

  { id: 'closing-1', moment: 'closing', text: '请问您还需要其它帮助吗？', sources: [p5('(三)2')] },
  { id: 'closing-2', moment: 'closing', text: '感谢您的来电，请挂机，再见！', sources: [p5('(三)3')] },
  { id: 'closing-3', moment: 'closing', text: '谢谢您，祝您愉快！再见。', sources: [{ seed: 'S3', at: '客服前台接待规范 17)' }] },
  { id: 'closing-4', moment: 'closing', text: '谢谢您的配合，也非常感谢您对{center}的支持。我们会继续努力，不断改善，为您提供更优质的服务，希望您继续关注{center}，祝您生活愉快！', sources: [p3('结束语')] },
  { id: 'festival-closing-1', moment: 'festivalClosing', text: '再次祝您节日快乐！感谢您的来电，再见！', sources: [p5('(四)1')] },
  { id: 'festival-closing-2', moment: 'festivalClosing', text: '祝您节日愉快！', sources: [p3('结束语')] },

  { id: 'callback-inquiry-1', moment: 'callbackInquiry', text: '您好！请问您是{customer}吗？我是{center}的客服代表，您现在方便接听电话吗？关于您上次咨询的问题……', followUp: '如有需要，请及时与我们联系，再见！', sources: [p5('回访 1.咨询')] },
  { id: 'callback-complaint-1', moment: 'callbackComplaint', text: '您好，请问您是{customer}吗？我是{center}的客服代表，关于您上次投诉的问题……', followUp: '感谢您的理解与支持，再见！', sources: [p5('回访 2.投诉')] },
  { id: 'callback-survey-1', moment: 'callbackSurvey', text: '您好，请问您是{customer}吗？我是{center}的客服代表，想就几个简单的问题与您进行一下沟通，不知您现在是否方便？', followUp: '非常感谢您的理解与支持，再见！', sources: [p5('回访 3.调查回访')] },
  { id: 'callback-survey-2', moment: 'callbackSurvey', text: '您好！请问是{customer}吗？我是{center}的客服专员。想针对我们公司装修质量和服务的满意程度做个简单的回访。可能会占用您几分钟时间，请问您现在是否方便？', sources: [p3('开场白用语 1')] },

  { id: 'silent-1', moment: 'silentCaller', text: '您好，您的电话已接通，请讲话。', followUp: '很抱歉，您的电话没有声音，请稍后再拨，再见！', sources: [p5('(四)5')], note: 'Say it twice, then the follow-up, then end the call.' },
  { id: 'abusive-1', moment: 'abusiveCaller', text: '请您文明用语陈述您问题，如果您还辱骂客服人员，我将挂断您的电话，接听下一位玩家的电话。', sources: [p5('(三)19')], note: 'After the third warning, if the abuse goes on, the agent may end the call (record it).' },
  { id: 'wrong-number-1', moment: 'wrongNumber', text: '您好，这里是{center}客户服务中心，请问您有什么问题需要咨询？', followUp: '没关系，再见！', sources: [p5('(四)8')], note: 'Or: 请您查正后再拨。' },
  { id: 'outage-1', moment: 'outage', text: '很抱歉，因系统临时做调整，相关技术人员正在处理，请您稍后再试一下好吗？', sources: [p5('(四)9')] },
  { id: 'low-voice-1', moment: 'lowVoice', text: '很抱歉，我听不到您讲话，请您声音大一点好吗？', sources: [p5('(四)2')] },
  { id: 'unclear-1', moment: 'unclearSpeech', text: '很抱歉，我没有听清您的问题，请您重复一遍好吗？', sources: [p5('(四)3')] },
  { id: 'broken-line-1', moment: 'brokenLine', text: '很抱歉，您讲话的声音时断时续，请您再重复一下，好吗？', followUp: '很抱歉！我确实无法听清楚您的讲话内容，请您稍后再拨或换一部电话再打，好吗？', sources: [p5('(四)4')] },
];
