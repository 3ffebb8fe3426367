/**
 * The vocabulary of a work order (DOMAIN.md §2). The string codes are part of the
 * public API and the database; labels for people live in `labels.ts`.
 */
export const WORK_ORDER_KINDS = ['inquiry', 'help', 'complaint', 'repair', 'suggestion', 'praise'] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];

/** Intake channels: S3 投诉接受方式, S4 报修渠道, S1. */
export const CHANNELS = [
  'walk_in',
  'proxy',
  'phone',
  'letter',
  'email',
  'media',
  'government',
  'consumer_association',
  'on_site',
  'transfer',
  'online',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const WORK_ORDER_STATUSES = [
  'received',
  'dispatched',
  'in_progress',
  'result_given',
  'awaiting_callback',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** How the customer wants to hear back (S1 4.6.3.1(3): 约定答复时间和方式). */
export const REPLY_METHODS = ['phone', 'sms', 'visit', 'email', 'letter', 'online', 'wechat'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];

/** Customer handling types (S4): 分析型, 自我型, 独断型, 友善型. */
export const CUSTOMER_TYPES = ['analytical', 'self_centred', 'assertive', 'friendly'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
