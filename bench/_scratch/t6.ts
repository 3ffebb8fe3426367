import { WORK_ORDER_STATUSES } from '@huiyin/domain';
import { createWorkOrder } from '../../packages/server/src/work-orders/create-work-order.js';
console.log(WORK_ORDER_STATUSES.length, typeof createWorkOrder, import.meta.resolve('@huiyin/domain'));
