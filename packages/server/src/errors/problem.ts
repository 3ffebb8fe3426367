import type { ErrorCode } from './app-error.js';

interface ProblemText {
  status: number;
  zh: string;
  en: string;
}

/** Exhaustive: adding a code without its status and texts fails the type check. */
export const PROBLEMS: Record<ErrorCode, ProblemText> = {
  validation_failed: { status: 400, zh: '提交的数据不符合要求', en: 'The request data is invalid' },
  malformed_json: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  body_too_large: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please log in' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: { status: 423, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed logins; the account is locked for a while' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  csrf_failed: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The CSRF token is missing or wrong; reload the page' },
  forbidden: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  not_found: { status: 404, zh: '找不到该记录', en: 'Not found' },
  route_not_found: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  illegal_transition: { status: 409, zh: '工单当前状态不允许此操作', en: 'This action is not allowed in the work order’s current status' },
  text_required: { status: 422, zh: '此操作需要填写说明或原因', en: 'This action needs a text or a reason' },
  version_conflict: { status: 409, zh: '记录已被他人修改，请刷新后再试', en: 'The record was changed by someone else; reload and try again' },
  version_required: { status: 428, zh: '修改时需要提供版本号（If-Match 或 version）', en: 'Updates must carry the version (If-Match or version)' },
  idempotency_key_reused: { status: 422, zh: '该幂等键已用于另一份不同的请求', en: 'This Idempotency-Key was already used with a different request' },
  received_at_in_future: { status: 422, zh: '受理时间不能晚于当前时间', en: 'receivedAt cannot be in the future' },
  unknown_reference: { status: 422, zh: '引用的记录不存在或不属于本机构', en: 'A referenced record does not exist in this organisation' },
  username_taken: { status: 409, zh: '用户名已被使用', en: 'The username is already taken' },
  forbidden_phrase: { status: 422, zh: '内容含有服务禁语或不规范用语，请修改，或确认后再发送', en: 'The text contains forbidden or non-standard phrases; revise it or confirm to send anyway' },
  lexicon_rule_invalid: { status: 422, zh: '禁语规则无法使用（匹配词为空、重复或例外不含匹配词）', en: 'The lexicon rule cannot be compiled (empty or duplicate pattern, or an exception without its pattern)' },
  transcript_invalid: { status: 422, zh: '会话记录格式不正确', en: 'The transcript is not in the expected format' },
  already_appealed: { status: 409, zh: '该质检扣分项已申诉过', en: 'This finding has already been appealed' },
  appeal_decided: { status: 409, zh: '该申诉已处理', en: 'This appeal has already been decided' },
  calendar_invalid: { status: 400, zh: '日历或服务时间数据有误', en: 'The calendar or service-hours data is invalid' },
  settings_invalid: { status: 400, zh: '设置值不符合要求', en: 'The settings are invalid' },
  not_a_complaint: { status: 422, zh: '该工单不是投诉，没有投诉定性', en: 'This work order is not a complaint and has no complaint classification' },
  classification_refused: { status: 422, zh: '投诉定性变更未被接受（见 problem 字段）', en: 'The classification change was refused (see the problem field)' },
  nature_mismatch: { status: 409, zh: '此操作不适用于该投诉当前的定性', en: 'This action does not apply to the complaint’s current nature' },
  invalid_signature: { status: 400, zh: '签名图片无效：须为 PNG 图片，且不超过 200 KB', en: 'The signature must be a valid PNG image of at most 200 KB' },
  not_completed: { status: 409, zh: '工单尚未形成处理结果，客户暂不能确认完成', en: 'The work order has no result yet; the customer cannot confirm completion' },
  already_confirmed: { status: 409, zh: '客户已确认过本次处理结果', en: 'The customer has already confirmed this result' },
  callback_record_invalid: { status: 422, zh: '回访记录不完整或不符合要求（见 problems 字段）', en: 'The callback record is incomplete or invalid (see the problems field)' },
  callback_closed: { status: 409, zh: '该回访已结束，不能再登记', en: 'This callback is already closed and takes no more contacts' },
  not_ready: { status: 503, zh: '服务暂不可用', en: 'Service not ready' },
  phone_taken: { status: 409, zh: '该手机号已注册，请直接登录', en: 'This phone number is already registered; please log in' },
  sms_code_invalid: { status: 422, zh: '短信验证码错误或已过期，请重新获取', en: 'The SMS code is wrong or has expired; request a new one' },
  photo_invalid: { status: 422, zh: '图片无效：仅支持 PNG、JPEG、WebP，且不超过 5 MB', en: 'Invalid photo: PNG, JPEG or WebP of at most 5 MB only' },
  photo_limit_reached: { status: 409, zh: '每张工单最多上传 6 张图片', en: 'A work order takes at most 6 photos' },
  name_taken: { status: 409, zh: '同一层级下已有同名的记录', en: 'Another record at the same level already has this name' },
  inactive_reference: { status: 422, zh: '引用的部门、分类或人员已停用', en: 'The referenced department, category or user is deactivated' },
  department_in_use: { status: 409, zh: '仍有分类派往该部门，请先在分类设置中改派后再停用', en: 'Categories are still routed to this department; route them elsewhere before deactivating it' },
  internal_error: { status: 500, zh: '系统内部错误，请稍后再试', en: 'Internal error; please try again later' },
};

export type Language = 'zh' | 'en';

/** Chinese by default; English when the caller's first preference is English. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

export function buildProblem(
  code: ErrorCode,
  language: Language,
  options: { detail?: string; instance?: string; requestId?: string; extra?: Record<string, unknown> } = {},
): ProblemDocument {
  const text = PROBLEMS[code];
  return {
    // Extras first: they may add fields but never replace the standard ones.
    ...options.extra,
    type: `https://huiyin.dev/problems/${code}`,
    title: text[language],
    status: text.status,
    code,
    ...(options.detail && text.status < 500 ? { detail: options.detail } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  };
}
