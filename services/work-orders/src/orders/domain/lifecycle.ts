import { ConflictError } from '@buqi/domain-kernel';

/**
 * A work order's states. new → assigned → in-progress → completed → verified; on-hold (with a
 * reason, back to where it was when resumed); reopened when verification fails (the crew starts
 * again); cancelled. verified and cancelled are final.
 */
export const STATES = [
  'new',
  'assigned',
  'in-progress',
  'on-hold',
  'completed',
  'verified',
  'reopened',
  'cancelled',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'assign',
  'start',
  'hold',
  'resume',
  'complete',
  'verify',
  'reject',
  'cancel',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Where each action may be taken from, and where it leads (resume: back to where the hold began). */
const MOVES: Readonly<Record<Action, { from: readonly State[]; to: State | 'held-from' }>> = {
  assign: { from: ['new', 'assigned', 'reopened'], to: 'assigned' },
  start: { from: ['assigned', 'reopened'], to: 'in-progress' },
  hold: { from: ['assigned', 'in-progress', 'reopened'], to: 'on-hold' },
  resume: { from: ['on-hold'], to: 'held-from' },
  complete: { from: ['in-progress'], to: 'completed' },
  verify: { from: ['completed'], to: 'verified' },
  reject: { from: ['completed'], to: 'reopened' },
  cancel: { from: ['new', 'assigned', 'in-progress', 'on-hold', 'reopened'], to: 'cancelled' },
};

/** The actions that may be taken from `state`, in the order of ACTIONS. */
export function allowedActions(state: State): Action[] {
  return ACTIONS.filter((a) => MOVES[a].from.includes(state));
}

/** An order as the state machine sees it. */
export interface LifecycleState {
  readonly state: State;
  /** The state a hold began in, while on hold. */
  readonly heldFrom?: State;
}

/**
 * The state `action` leads to from `order`'s, or a 409 naming the current state and the actions
 * allowed from it. Pure: the caller stores the move, guarded by the version it read.
 */
export function transition(order: LifecycleState, action: Action): LifecycleState {
  const move = MOVES[action];
  if (!move.from.includes(order.state)) {
    const allowed = allowedActions(order.state);
    throw new ConflictError(
      'illegal-transition',
      `cannot ${action} a work order that is ${order.state}; ${
        allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is final'
      }`,
      { current: order.state, action, allowed },
    );
  }
  if (move.to === 'held-from') return { state: order.heldFrom ?? 'assigned' };
  if (move.to === 'on-hold') return { state: 'on-hold', heldFrom: order.state };
  return { state: move.to };
}

/** Open orders are the ones the SLA clock and the escalation ladder still run for. */
export function isOpen(state: State): boolean {
  return state !== 'completed' && state !== 'verified' && state !== 'cancelled';
}

/** The four-level rating (良好 / 优秀 / 卓越 / 极致) a verifier gives. */
export const RATINGS = ['good', 'excellent', 'outstanding', 'perfect'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Readonly<Record<Rating, string>> = {
  good: '良好',
  excellent: '优秀',
  outstanding: '卓越',
  perfect: '极致',
};
