import { toInstance, type Instance } from '../instance';
import type { AllocationProblem } from '../problem';
import { screen } from '../screening';
import { validateProblem } from '../validate';

export function instanceOf(problem: AllocationProblem): Instance {
  const valid = validateProblem(problem);
  return toInstance(valid, screen(valid));
}
