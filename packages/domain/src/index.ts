export * from './work-orders/work-order-types.js';
export * from './work-orders/labels.js';
export * from './work-orders/work-order-lifecycle.js';
export * from './work-orders/work-order-number.js';
export * from './access/roles.js';
export * from './access/phone-mask.js';
export * from './categories/category-seed.js';
export * from './calendar/index.js';
