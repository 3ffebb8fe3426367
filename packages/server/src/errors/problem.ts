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
  not_ready: { status: 503, zh: '服务暂不可用', en: 'Service not ready' },
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
