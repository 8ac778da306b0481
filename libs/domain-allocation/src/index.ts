export { optimise, type OptimiseOptions } from './optimise';
export { validateProblem } from './validate';
export { generateProblem } from './generated-problem';
export type {
  AllocationProblem,
  CandidateInput,
  CapInput,
  Constraint,
  ConstraintKind,
  EnvelopeInput,
  OptionInput,
  ValidCandidate,
  ValidOption,
  ValidProblem,
} from './problem';
export type { AllocationResult, ChosenOption, ConstraintUsage, Method, Status } from './result';
export type { Exclusion, Infeasibility } from './screening';
