import type { Channel, CustomerType, WorkOrderKind, WorkOrderStatus } from './work-order-types.js';

/** Chinese and English labels, used by the CLI, demo data and problem messages. */
export const KIND_LABELS: Record<WorkOrderKind, { zh: string; en: string }> = {
  inquiry: { zh: '咨询', en: 'Inquiry' },
  help: { zh: '求助', en: 'Help request' },
  complaint: { zh: '投诉', en: 'Complaint' },
  repair: { zh: '报修', en: 'Repair request' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
};

export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  walk_in: { zh: '来访', en: 'Walk-in' },
  proxy: { zh: '他人转达', en: 'Via another person' },
  phone: { zh: '电话', en: 'Phone' },
  letter: { zh: '信函', en: 'Letter' },
  email: { zh: '电子邮件', en: 'Email' },
  media: { zh: '媒体曝光', en: 'Media' },
  government: { zh: '政府部门转办', en: 'Government referral' },
  consumer_association: { zh: '消协质检转办', en: 'Consumer association referral' },
  on_site: { zh: '现场受理', en: 'On site' },
  transfer: { zh: '部门转办', en: 'Transfer from another department' },
  online: { zh: '网络/微信', en: 'Online / WeChat' },
};

export const STATUS_LABELS: Record<WorkOrderStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  in_progress: { zh: '处理中', en: 'In progress' },
  result_given: { zh: '已出结果', en: 'Result given' },
  awaiting_callback: { zh: '待回访', en: 'Awaiting callback' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const CUSTOMER_TYPE_LABELS: Record<CustomerType, { zh: string; en: string }> = {
  analytical: { zh: '分析型', en: 'Analytical' },
  self_centred: { zh: '自我型', en: 'Self-centred' },
  assertive: { zh: '独断型', en: 'Assertive' },
  friendly: { zh: '友善型', en: 'Friendly' },
};
