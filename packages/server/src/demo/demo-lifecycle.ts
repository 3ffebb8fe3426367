import { planTransition, type WorkOrderKind, type WorkOrderStatus } from '@huiyin/domain';
import type { DemoRandom } from './demo-random.js';
import {
  CANCEL_TEXTS, DIRECT_CLOSE_TEXTS, DISPATCH_TEXTS, GM_NOTE_TEXTS, NOTE_TEXTS_DESK, NOTE_TEXTS_HANDLER, REOPEN_TEXTS, TRANSFER_TEXTS,
} from './demo-texts.js';

/**
 * The life of one demo work order: which actions happened, by whom, when.
 * Each life is checked against the domain's state machine (planTransition) as it
 * is generated, so the loader can replay it through the real services.
 */

export type DemoStepAction = 'dispatch' | 'start' | 'give_result' | 'request_callback' | 'close' | 'reopen' | 'cancel' | 'transfer' | 'note';

/**
 * One thing that happened to an order. Actions other than 'transfer' and 'note' are
 * the domain's WorkOrderAction of the same name; 'transfer' hands ownership to
 * `toUsername` (首问负责制: a recorded handover); 'note' is a comment on the order.
 */
export interface DemoStep {
  action: DemoStepAction;
  at: Date;
  byUsername: string;
  text?: string;
  /** dispatch: the handler; transfer: the new owner. */
  toUsername?: string;
}

/** The status an order reaches after its steps, or throws if a step is not allowed. */
export function statusAfter(steps: readonly DemoStep[]): WorkOrderStatus {
  let status: WorkOrderStatus = 'received';
  for (const step of steps) {
    if (step.action === 'transfer' || step.action === 'note') continue;
    const plan = planTransition(status, step.action, step.text);
    if (!plan.ok) throw new Error(`demo step ${step.action} not allowed from ${status}: ${plan.reason}`);
    status = plan.to;
  }
  return status;
}

const MINUTE = 60_000;
const OFFICE_HOURS: WorkWindow = [8 * 60, 21 * 60];
/** Even a 24-hour desk calls customers back at civil hours. */
const CALLBACK_HOURS: WorkWindow = [8 * 60 + 30, 21 * 60];
const LOCAL_OFFSET = 8 * 60 * MINUTE; // Asia/Shanghai has no daylight saving time.

/** Local (Asia/Shanghai) minutes since midnight. */
export function localMinuteOfDay(at: Date): number {
  const local = new Date(at.getTime() + LOCAL_OFFSET);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Working window of a team in local minutes, or undefined when it works around the clock. */
export type WorkWindow = readonly [number, number] | undefined;

export interface LifePlan {
  rng: DemoRandom;
  now: Date;
  receivedAt: Date;
  kind: WorkOrderKind;
  /** Owner at intake (首问负责人), normally the receiver. */
  owner: string;
  /** Desk colleagues at the site the owner may hand over to. */
  deskPeers: readonly string[];
  /** Who may cancel (the site's supervisor). */
  canceller: string;
  generalManager: string;
  /** The department person it is dispatched to; undefined when the desk answers itself. */
  handler?: string;
  deskWindow: WorkWindow;
  handlerWindow: WorkWindow;
  resultMinutes: readonly [number, number];
  /** Channel-specific note logged at intake (12345 referral, media …). */
  intakeNote?: string;
  /** Media / government complaints: the general manager comments (DOMAIN.md §3 authority). */
  gmInvolved: boolean;
  result: () => string;
  callback: () => string;
  secondResult: () => string;
}

export interface LifeOutcome {
  steps: DemoStep[];
  status: WorkOrderStatus;
}

const CALLBACK_RATE: Record<WorkOrderKind, number> = {
  complaint: 1, repair: 0.85, suggestion: 0.8, inquiry: 0.45, help: 0.3, praise: 0.2,
};

/**
 * Plan the whole life first, as if time stood still, then cut it at `now`:
 * that cut is what leaves the recent orders open in every status. A few older
 * ones are deliberately left stalled (the overdue backlog a demo needs).
 */
export function planLife(plan: LifePlan): LifeOutcome {
  const { rng, now, receivedAt } = plan;
  const steps: DemoStep[] = [];
  let owner = plan.owner;
  let at = receivedAt.getTime();
  const ageDays = (now.getTime() - at) / (1440 * MINUTE);

  const push = (
    action: DemoStepAction, byUsername: string, minutes: number, window: WorkWindow, extra: Partial<DemoStep> = {},
  ): void => {
    at = fitWindow(rng, at + Math.max(1, Math.round(minutes)) * MINUTE, window);
    const step: DemoStep = { action, at: new Date(at), byUsername };
    if (extra.text) step.text = extra.text;
    if (extra.toUsername) step.toUsername = extra.toUsername;
    steps.push(step);
  };
  const desk = plan.deskWindow;
  const doer = plan.handler ?? owner;
  const doerWindow = plan.handler ? plan.handlerWindow : desk;

  if (plan.intakeNote) push('note', owner, rng.int(2, 15), desk, { text: plan.intakeNote });

  const transferAt = rng.chance(0.05) ? rng.int(1, 3) : 0; // after which milestone, 0 = never
  const maybeTransfer = (milestone: number): void => {
    if (transferAt !== milestone) return;
    const to = rng.pick(plan.deskPeers.filter((p) => p !== owner));
    push('transfer', owner, rng.skewed(10, 600), desk, { toUsername: to, text: rng.pick(TRANSFER_TEXTS) });
    owner = to;
  };

  const cancelled = rng.chance(0.03);
  const cancel = (): LifeOutcome => {
    push('cancel', plan.canceller, rng.skewed(20, 1440), desk, { text: rng.pick(CANCEL_TEXTS) });
    return finish();
  };
  const finish = (): LifeOutcome => {
    // Cut at the first step that would lie in the future: a life is a prefix.
    const cut = steps.findIndex((s) => s.at.getTime() >= now.getTime());
    const prefix = cut < 0 ? steps : steps.slice(0, cut);
    const stallChance = ageDays < 3 ? 0.3 : ageDays < 14 ? 0.12 : 0.015;
    const lifeSteps = rng.chance(stallChance) && prefix.length > 0 ? prefix.slice(0, rng.int(0, prefix.length - 1)) : prefix;
    // A stalled order does not end on a handover with nothing after it.
    while (lifeSteps.length > 0 && lifeSteps[lifeSteps.length - 1]?.action === 'transfer') lifeSteps.pop();
    return { steps: lifeSteps, status: statusAfter(lifeSteps) };
  };

  // The desk answers at once: no dispatch, owner gives the result.
  const selfHandled = plan.handler === undefined || plan.handler === owner;
  if (selfHandled) {
    // Answered during the call or visit: straight to a result. Longer lookups are started first.
    if (plan.resultMinutes[1] > 120) push('start', owner, rng.int(1, 10), desk);
    if (cancelled) return cancel();
    push('give_result', owner, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1]), desk, { text: plan.result() });
  } else {
    const late = rng.chance(0.08);
    if (cancelled && rng.chance(0.3)) return cancel(); // e.g. registered twice, noticed at once
    push('dispatch', owner, late ? rng.int(15, 45) : rng.int(1, 10), desk, { toUsername: plan.handler, text: rng.pick(DISPATCH_TEXTS) });
    maybeTransfer(1);
    if (plan.gmInvolved) push('note', plan.generalManager, rng.int(10, 120), OFFICE_HOURS, { text: rng.pick(GM_NOTE_TEXTS) });
    push('start', doer, rng.chance(0.1) ? rng.int(15, 90) : rng.int(2, 12), doerWindow);
    if (cancelled) return cancel();
    if (rng.chance(0.15)) push('note', doer, rng.skewed(10, 240), doerWindow, { text: rng.pick(NOTE_TEXTS_HANDLER) });
    if (rng.chance(0.08)) push('note', owner, rng.skewed(30, 600), desk, { text: rng.pick(NOTE_TEXTS_DESK) });
    maybeTransfer(2);
    push('give_result', doer, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1]), doerWindow, { text: plan.result() });
  }

  // The desk usually books the callback at once, sometimes only at the end of the shift.
  const callbackDelay = (): number => (rng.chance(0.25) ? rng.skewed(120, 1440) : rng.int(3, 60));
  const callbackDue = !selfHandled || plan.kind === 'complaint' ? rng.chance(CALLBACK_RATE[plan.kind]) : false;
  if (!callbackDue) {
    push('close', owner, selfHandled ? rng.int(1, 8) : rng.skewed(5, 240), desk, { text: rng.pick(DIRECT_CLOSE_TEXTS[plan.kind]) });
  } else {
    push('request_callback', owner, callbackDelay(), desk);
    maybeTransfer(3);
    const unhappy = !selfHandled && rng.chance(0.05);
    if (unhappy) {
      push('reopen', owner, rng.skewed(60, 2880), CALLBACK_HOURS, { text: rng.pick(REOPEN_TEXTS) });
      push('give_result', doer, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1] * 2), doerWindow, { text: plan.secondResult() });
      push('request_callback', owner, callbackDelay(), desk);
    }
    push('close', owner, rng.skewed(60, 2880), desk ?? CALLBACK_HOURS, { text: plan.callback() });
    // Now and then the customer calls again after the order was closed.
    if (!selfHandled && rng.chance(0.012)) {
      push('reopen', owner, rng.skewed(1440, 7200), desk, { text: rng.pick(REOPEN_TEXTS) });
      push('give_result', doer, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1] * 2), doerWindow, { text: plan.secondResult() });
      push('request_callback', owner, callbackDelay(), desk);
      push('close', owner, rng.skewed(60, 2880), desk ?? CALLBACK_HOURS, { text: plan.callback() });
    }
  }
  return finish();
}

/** Move a moment into a team's working window (next opening plus a few minutes) if it falls outside. */
function fitWindow(rng: DemoRandom, at: number, window: WorkWindow): number {
  if (!window) return at;
  const minute = localMinuteOfDay(new Date(at));
  const [open, close] = window;
  if (minute >= open && minute < close) return at;
  const wait = minute < open ? open - minute : 1440 - minute + open;
  return at + (wait + rng.int(0, 40)) * MINUTE;
}
