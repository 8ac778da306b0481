import { ConflictError } from '@buqi/domain-kernel';
import { ACTIONS, allowedActions, isOpen, STATES, transition, type Action, type State } from './lifecycle';

/** Every legal move, written out by hand: the table the state machine must match. */
const LEGAL: Record<State, Partial<Record<Action, State>>> = {
  new: { assign: 'assigned', cancel: 'cancelled' },
  assigned: { assign: 'assigned', start: 'in-progress', hold: 'on-hold', cancel: 'cancelled' },
  'in-progress': { hold: 'on-hold', complete: 'completed', cancel: 'cancelled' },
  'on-hold': { resume: 'in-progress', cancel: 'cancelled' },
  completed: { verify: 'verified', reject: 'reopened' },
  verified: {},
  reopened: { assign: 'assigned', start: 'in-progress', hold: 'on-hold', cancel: 'cancelled' },
  cancelled: {},
};

describe('the work-order state machine', () => {
  const cases = STATES.flatMap((state) => ACTIONS.map((action) => [state, action] as const));

  it.each(cases)('from %s, %s is legal exactly when the table says so', (state, action) => {
    const expected = LEGAL[state][action];
    const from = state === 'on-hold' ? { state, heldFrom: 'in-progress' as State } : { state };
    if (expected === undefined) {
      let error: unknown;
      try {
        transition(from, action);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({
        code: 'illegal-transition',
        details: { current: state, action, allowed: Object.keys(LEGAL[state]) },
      });
      expect((error as Error).message).toContain(`cannot ${action} a work order that is ${state}`);
    } else {
      expect(transition(from, action).state).toBe(expected);
    }
  });

  it('resumes a hold where it began, and remembers where that was', () => {
    expect(transition({ state: 'assigned' }, 'hold')).toEqual({ state: 'on-hold', heldFrom: 'assigned' });
    expect(transition({ state: 'on-hold', heldFrom: 'assigned' }, 'resume')).toEqual({ state: 'assigned' });
    expect(transition({ state: 'on-hold', heldFrom: 'reopened' }, 'resume')).toEqual({ state: 'reopened' });
  });

  it('names the final states as final, and the open ones as open', () => {
    expect(allowedActions('verified')).toEqual([]);
    expect(() => transition({ state: 'cancelled' }, 'start')).toThrow('it is final');
    expect(STATES.filter(isOpen)).toEqual(['new', 'assigned', 'in-progress', 'on-hold', 'reopened']);
  });
});
