export { ConflictError, DomainValidationError, NotFoundError } from './domain-error';
export {
  array,
  bool,
  finite,
  integer,
  nonNegative,
  oneOf,
  positive,
  record,
  text,
  validDate,
} from './guards';
export { PRIORITIES, type Priority } from './priority';
