export * from './sla-settings.js';
export * from './clock-plan.js';
export * from './clock-state.js';
