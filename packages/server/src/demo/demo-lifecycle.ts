import {
  CALLBACK_RATINGS, DEFAULT_CALLBACK_RECORD_SETTINGS, planTransition, recordOutcome,
  type CallbackContactResult, type CallbackRating, type DecidedNature, type ReplyMethod, type WorkOrderAction, type WorkOrderKind, type WorkOrderStatus,
} from '@huiyin/domain';
import type { AgencyService } from '../complaints/directory.service.js';
import type { DemoRandom } from './demo-random.js';
import {
  ASSISTED_CLOSE_TEXTS, CANCEL_TEXTS, DIRECT_CLOSE_TEXTS, DISPATCH_TEXTS, DISSATISFIED_CALLBACK_WORDS, EXPLAINED_CLOSE_TEXTS, GM_NOTE_TEXTS,
  NEUTRAL_CALLBACK_WORDS, NOT_REACHED_NOTES, NOTE_TEXTS_DESK, NOTE_TEXTS_HANDLER, REFUSED_CALLBACK_WORDS, REOPEN_TEXTS, TRANSFER_TEXTS,
} from './demo-texts.js';

/**
 * The life of one demo work order: which actions happened, by whom, when.
 * Each life is checked against the domain's state machine (planTransition) as it
 * is generated, so the loader can replay it through the real services.
 */

export type DemoStepAction =
  | 'dispatch' | 'start' | 'give_result' | 'request_callback' | 'close' | 'reopen' | 'cancel' | 'transfer' | 'note' | 'callback'
  | ComplaintStepAction;

/** A complaint's classification and handling by nature: none of them moves the order's status. */
export type ComplaintStepAction = 'classify' | 'book_determination' | 'explain' | 'give_agencies' | 'confirm';
const COMPLAINT_STEPS: ReadonlySet<DemoStepAction> = new Set<ComplaintStepAction>(['classify', 'book_determination', 'explain', 'give_agencies', 'confirm']);
export const isComplaintStep = (action: DemoStepAction): action is ComplaintStepAction => COMPLAINT_STEPS.has(action);

/**
 * One thing that happened to an order. Actions other than the ones below are the
 * domain's WorkOrderAction of the same name; 'transfer' hands ownership to
 * `toUsername` (首问负责制: a recorded handover); 'note' is a comment on the order;
 * 'callback' is one call recorded on the order's pending callback (the
 * customer's words or the caller's note in `text`), which closes or reopens the
 * order as the desk's record does (see callbackFollowUp). For complaints:
 * 'classify' decides the nature (`text`: the basis), 'book_determination' books
 * the on-site determination, 'explain' records what a non-responsible
 * complaint's customer was told, 'give_agencies' the directory numbers given for
 * an assistance complaint (`text`: the desk's words), 'confirm' the customer's
 * confirmation of completion (`text`: their words).
 */
export interface DemoStep {
  action: DemoStepAction;
  at: Date;
  byUsername: string;
  text?: string;
  /** dispatch: the handler; transfer: the new owner. */
  toUsername?: string;
  /** callback: how the call went. */
  contact?: CallbackContactResult;
  /** callback, answered: the customer's five-level rating. */
  rating?: CallbackRating;
  /** callback: how the desk tried, when the callback allows it (otherwise its default method). */
  method?: ReplyMethod;
  /** classify: the nature decided. */
  nature?: DecidedNature;
  /** book_determination: when staff and customer meet on site, and who comes. */
  appointmentAt?: Date;
  attendees?: string[];
  /** give_agencies: the directory services whose numbers the customer is given. */
  services?: AgencyService[];
  /** confirm: who signed. */
  signerName?: string;
  /**
   * Assistance complaints: the server samples their callback when the result is
   * given, so their life holds both continuations. true: replayed only when the
   * callback was sampled in; false: only when it was not.
   */
  whenSampled?: boolean;
}

/** Failed calls after which a callback is given up as unreachable (the organisation's default setting). */
export const CALLBACK_ATTEMPTS = DEFAULT_CALLBACK_RECORD_SETTINGS.maxAttempts;

/**
 * What a recorded call does to the order, as the desk's record does it: a rating
 * of 不满意 or worse reopens it, any other answer, a refusal or the last failed try
 * closes it, an earlier failed try leaves it waiting.
 */
export function callbackFollowUp(step: DemoStep, previousAttempts: number): WorkOrderAction | null {
  if (step.contact === 'answered') {
    if (!step.rating) throw new Error('demo callback answered without a rating');
    return recordOutcome(step.rating).reopen ? 'reopen' : 'close';
  }
  if (step.contact === 'refused') return 'close';
  return previousAttempts + 1 >= CALLBACK_ATTEMPTS ? 'close' : null;
}

/** The steps replayed when the sampled callbacks were (or were not) sampled in. */
export function stepsWhen(steps: readonly DemoStep[], sampledIn: boolean): DemoStep[] {
  return steps.filter((s) => s.whenSampled === undefined || s.whenSampled === sampledIn);
}

/** True for steps that change no status: handovers, notes, and the complaint's classification and handling. */
export function leavesStatus(step: DemoStep): boolean {
  return step.action === 'transfer' || step.action === 'note' || isComplaintStep(step.action);
}

/** The status an order reaches after its steps (sampled callbacks sampled in, unless told), or throws if a step is not allowed. */
export function statusAfter(steps: readonly DemoStep[], sampledIn = true): WorkOrderStatus {
  let status: WorkOrderStatus = 'received';
  let attempts = 0; // calls on the current result's callback
  for (const step of stepsWhen(steps, sampledIn)) {
    if (leavesStatus(step)) continue;
    let action = step.action === 'callback' ? null : (step.action as WorkOrderAction);
    if (step.action === 'callback') {
      if (status !== 'awaiting_callback') throw new Error(`demo callback recorded while ${status}, not awaiting one`);
      action = callbackFollowUp(step, attempts++);
    }
    if (step.action === 'give_result') attempts = 0;
    if (action === null) continue;
    const plan = planTransition(status, action, step.text);
    if (!plan.ok) throw new Error(`demo step ${step.action} not allowed from ${status}: ${plan.reason}`);
    status = plan.to;
  }
  return status;
}

const MINUTE = 60_000;
const OFFICE_HOURS: WorkWindow = [8 * 60, 21 * 60];
/** Even a 24-hour desk calls customers back at civil hours. */
const CALLBACK_HOURS: WorkWindow = [8 * 60 + 30, 21 * 60];
/** On-site determinations are booked in office hours, on the half hour. */
const SITE_VISIT_HOURS: WorkWindow = [9 * 60, 17 * 60 + 30];
const HALF_HOUR = 30 * MINUTE;
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
  /** A satisfied customer's words on the callback. */
  callback: () => string;
  secondResult: () => string;
  /** Complaints: how the desk classifies and handles it by nature. */
  complaint?: ComplaintPlan;
}

/**
 * How the desk classifies a complaint (定性, S1 4.6.1) and handles it by nature
 * (4.6.3); demo-data chooses it from the topic, so the words fit the nature.
 */
export interface ComplaintPlan {
  /** The nature decided; null leaves intake's provisional "responsible" standing, not yet classified. */
  nature: DecidedNature | null;
  /** Why; after an on-site determination, the staff's opinion (the domain requires one then). */
  basis?: string;
  /** The desk cannot tell at intake (待界定): it books a determination with these people and decides after it. */
  determination?: { attendees: string[] };
  /** non_responsible: what the customer is told. */
  explanation?: string;
  /** assistance: the directory services whose numbers are given, and the desk's words with them. */
  agencies?: { services: AgencyService[]; note: string };
  /** assistance: the customer's words confirming completion, and who signs; absent when they did not confirm. */
  confirmation?: { text: string; signerName: string };
}

export interface LifeOutcome {
  steps: DemoStep[];
  /** Where the steps leave the order (sampled callbacks sampled in). */
  status: WorkOrderStatus;
  /** Where they leave it when its callback is not sampled; only for lives that depend on the sample. */
  statusIfNotSampled?: WorkOrderStatus;
}

/**
 * What the default callback policy asks once a result is given: a callback for
 * every repair and responsible complaint (an undecided nature is handled as
 * responsible), a sample of assistance complaints, none for non-responsible ones
 * or the other kinds.
 */
function callbackRuleOf(plan: LifePlan): 'required' | 'sampled' | 'none' {
  if (plan.kind === 'repair') return 'required';
  if (plan.kind !== 'complaint') return 'none';
  const nature = plan.complaint?.nature ?? 'responsible';
  return nature === 'assistance' ? 'sampled' : nature === 'non_responsible' ? 'none' : 'required';
}
/** How often the desk asks for a callback the policy does not require, on orders a department handled. */
const CALLBACK_REQUESTED: Partial<Record<WorkOrderKind, number>> = { suggestion: 0.8, inquiry: 0.45, help: 0.3, praise: 0.2 };

/** How callbacks go at a well-run desk: most customers answer the first call. */
const NOT_REACHED_FIRST = 0.12;
const UNREACHABLE = 0.015;
const REFUSED = 0.02;
/** Ratings by kind, best first (CALLBACK_RATINGS order): complaints are harder to please. */
const RATING_WEIGHTS: Record<'complaint' | 'other', readonly number[]> = {
  complaint: [30, 48, 14, 6, 2],
  other: [46, 43, 8, 2.5, 0.5],
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

  /** Set while planning the steps of one sampling outcome only (see DemoStep.whenSampled). */
  let branch: boolean | undefined;
  const push = (
    action: DemoStepAction, byUsername: string, minutes: number, window: WorkWindow, extra: Partial<DemoStep> = {},
  ): DemoStep => {
    at = fitWindow(rng, at + Math.max(1, Math.round(minutes)) * MINUTE, window);
    const step: DemoStep = { action, at: new Date(at), byUsername, ...present(extra) };
    if (branch !== undefined) step.whenSampled = branch;
    steps.push(step);
    return step;
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
    const outcome: LifeOutcome = { steps: lifeSteps, status: statusAfter(lifeSteps) };
    if (lifeSteps.some((s) => s.whenSampled !== undefined)) outcome.statusIfNotSampled = statusAfter(lifeSteps, false);
    return outcome;
  };

  const complaint = plan.complaint;
  /** The desk decides the nature and tells the customer what follows from it: an explanation, or agency numbers. */
  const decide = (minutes: number): void => {
    if (!complaint?.nature) return;
    push('classify', owner, minutes, desk, { nature: complaint.nature, text: complaint.basis });
    if (complaint.explanation) push('explain', owner, rng.int(2, 15), desk, { text: complaint.explanation });
    if (complaint.agencies) push('give_agencies', owner, rng.int(1, 8), desk, { services: [...complaint.agencies.services], text: complaint.agencies.note });
  };
  let appointment = 0;
  /** At intake the desk classifies at once, or books an on-site determination when it cannot tell (S1 4.6.1.2). */
  const classifyAtIntake = (): void => {
    if (!complaint) return;
    if (!complaint.determination) return decide(rng.int(2, 20));
    const booking = push('book_determination', owner, rng.int(5, 30), desk, { attendees: [...complaint.determination.attendees] });
    const visit = fitWindow(rng, at + rng.skewed(120, 1800) * MINUTE, SITE_VISIT_HOURS);
    appointment = Math.ceil(visit / HALF_HOUR) * HALF_HOUR;
    booking.appointmentAt = new Date(appointment);
  };
  /** The nature of an undetermined complaint is decided from the on-site opinion, after the appointment. */
  const decideOnSite = (): void => {
    if (complaint?.determination) decide(Math.max(0, (appointment - at) / MINUTE) + rng.int(30, 120));
  };

  // The desk answers at once: no dispatch, owner gives the result.
  const selfHandled = plan.handler === undefined || plan.handler === owner;
  if (selfHandled) {
    classifyAtIntake();
    // Answered during the call or visit: straight to a result. Longer lookups are started first.
    if (plan.resultMinutes[1] > 120) push('start', owner, rng.int(1, 10), desk);
    if (cancelled) return cancel();
    decideOnSite();
    push('give_result', owner, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1]), desk, { text: plan.result() });
  } else {
    const late = rng.chance(0.08);
    if (cancelled && rng.chance(0.3)) return cancel(); // e.g. registered twice, noticed at once
    push('dispatch', owner, late ? rng.int(15, 45) : rng.int(1, 10), desk, { toUsername: plan.handler, text: rng.pick(DISPATCH_TEXTS) });
    maybeTransfer(1);
    classifyAtIntake();
    if (plan.gmInvolved) push('note', plan.generalManager, rng.int(10, 120), OFFICE_HOURS, { text: rng.pick(GM_NOTE_TEXTS) });
    push('start', doer, rng.chance(0.1) ? rng.int(15, 90) : rng.int(2, 12), doerWindow);
    if (cancelled) return cancel();
    if (rng.chance(0.15)) push('note', doer, rng.skewed(10, 240), doerWindow, { text: rng.pick(NOTE_TEXTS_HANDLER) });
    if (rng.chance(0.08)) push('note', owner, rng.skewed(30, 600), desk, { text: rng.pick(NOTE_TEXTS_DESK) });
    maybeTransfer(2);
    decideOnSite();
    push('give_result', doer, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1]), doerWindow, { text: plan.result() });
  }

  // The desk usually books the callback at once, sometimes only at the end of the shift.
  const callbackDelay = (): number => (rng.chance(0.25) ? rng.skewed(120, 1440) : rng.int(3, 60));
  const callWindow = desk ?? CALLBACK_HOURS;
  const call = (minutes: number, contact: CallbackContactResult, text: string, extra: Partial<DemoStep> = {}): void => {
    push('callback', owner, minutes, callWindow, { contact, text, ...extra });
  };
  /**
   * Book the callback and call until the customer answers, refuses, or cannot be
   * reached after the last try. Returns true when the rating reopened the order:
   * only the first round may; after a second result the customer accepts it.
   */
  const callBack = (firstRound: boolean): boolean => {
    push('request_callback', owner, callbackDelay(), desk);
    if (firstRound) maybeTransfer(3);
    let calls = 0;
    // The first call within the day or so; a retry a few hours later.
    const after = (): number => (calls++ === 0 ? rng.skewed(30, 1440) : rng.skewed(60, 600));
    const misses = rng.chance(UNREACHABLE) ? CALLBACK_ATTEMPTS : rng.chance(NOT_REACHED_FIRST) ? rng.int(1, CALLBACK_ATTEMPTS - 1) : 0;
    for (let i = 0; i < misses; i++) call(after(), 'not_reached', rng.pick(NOT_REACHED_NOTES), { method: 'phone' });
    if (misses >= CALLBACK_ATTEMPTS) return false;
    if (rng.chance(REFUSED)) {
      call(after(), 'refused', rng.pick(REFUSED_CALLBACK_WORDS), { method: 'phone' });
      return false;
    }
    const rating = drawRating(rng, plan.kind, firstRound);
    call(after(), 'answered', callbackWords(rng, rating, plan.callback), { rating });
    return recordOutcome(rating).reopen;
  };
  const secondResult = (): void => {
    push('give_result', doer, rng.skewed(plan.resultMinutes[0], plan.resultMinutes[1] * 2), doerWindow, { text: plan.secondResult() });
  };

  // The customer of an assistance complaint confirms the outside agency's work is done (S1 4.6.3.3(2)).
  if (complaint?.confirmation) {
    const rating = rng.weighted<CallbackRating>([['very_satisfied', 4], ['satisfied', 5], ['neutral', 1]]);
    push('confirm', doer, rng.skewed(10, 600), doerWindow, { ...complaint.confirmation, rating });
  }
  const rule = callbackRuleOf(plan);
  if (rule === 'sampled') {
    // Sampled when the result was given: the desk closes the ones left out and calls the others back.
    // After help with an outside matter the customer does not send it back to a department.
    branch = false;
    const closing = complaint?.confirmation ? ASSISTED_CLOSE_TEXTS.confirmed : ASSISTED_CLOSE_TEXTS.unconfirmed;
    push('close', owner, rng.skewed(5, 240), desk, { text: rng.pick(closing) });
    branch = true;
    callBack(false);
    branch = undefined;
    return finish();
  }
  const callbackBooked = rule === 'required' || (!selfHandled && rng.chance(CALLBACK_REQUESTED[plan.kind] ?? 0));
  if (!callbackBooked) {
    const closing = complaint?.nature === 'non_responsible' ? EXPLAINED_CLOSE_TEXTS : DIRECT_CLOSE_TEXTS[plan.kind];
    push('close', owner, selfHandled ? rng.int(1, 8) : rng.skewed(5, 240), desk, { text: rng.pick(closing) });
    return finish();
  }
  // 不满意 on the callback sends the customer's words back to the department: a second result, a second callback.
  if (callBack(true)) {
    secondResult();
    callBack(false);
  }
  // Now and then the customer calls again after the order was closed.
  if (!selfHandled && rng.chance(0.012)) {
    push('reopen', owner, rng.skewed(1440, 7200), desk, { text: rng.pick(REOPEN_TEXTS) });
    secondResult();
    callBack(false);
  }
  return finish();
}

/** A rating from the kind's distribution; after a reopen the second callback does not reopen again. */
function drawRating(rng: DemoRandom, kind: WorkOrderKind, mayReopen: boolean): CallbackRating {
  const weights = RATING_WEIGHTS[kind === 'complaint' ? 'complaint' : 'other'];
  const entries = CALLBACK_RATINGS.map((rating, i) => [rating, weights[i] ?? 0] as const);
  return rng.weighted(mayReopen ? entries : entries.filter(([rating]) => !recordOutcome(rating).reopen));
}

/** The customer's words, in keeping with the rating. */
function callbackWords(rng: DemoRandom, rating: CallbackRating, satisfiedWords: () => string): string {
  const outcome = recordOutcome(rating);
  if (outcome.reopen) return rng.pick(DISSATISFIED_CALLBACK_WORDS);
  return outcome.satisfied ? satisfiedWords() : rng.pick(NEUTRAL_CALLBACK_WORDS);
}

/** The fields of a step that say something: no undefined, no empty text. */
function present(extra: Partial<DemoStep>): Partial<DemoStep> {
  return Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined && value !== '')) as Partial<DemoStep>;
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
