export { DomainValidationError } from './domain-error';
export { array, finite, integer, oneOf, text, validDate } from './guards';
