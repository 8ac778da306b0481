import {
  array,
  bool,
  ConflictError,
  DomainValidationError,
  NotFoundError,
  finite,
  integer,
  nonNegative,
  oneOf,
  positive,
  record,
  text,
  validDate,
} from './index';

describe('guards', () => {
  it('pass valid values through unchanged', () => {
    expect(finite('x', 1.5, { min: 0, max: 2 })).toBe(1.5);
    expect(integer('n', 3)).toBe(3);
    expect(oneOf('kind', 'road', ['road', 'restroom'] as const)).toBe('road');
    expect(text('name', 'North court')).toBe('North court');
    const d = new Date('2026-03-02T00:00:00Z');
    expect(validDate('at', d)).toBe(d);
    expect(array('items', [])).toEqual([]);
    expect(record('sample', { a: 1 })).toEqual({ a: 1 });
    expect(bool('mandatory', false)).toBe(false);
    expect(positive('areaM2', 0.5)).toBe(0.5);
    expect(nonNegative('grams', 0)).toBe(0);
  });

  it.each([
    [() => finite('area', Number.NaN), 'area must be a finite number (got NaN)'],
    [() => finite('area', Infinity), 'area must be a finite number (got Infinity)'],
    [() => finite('pct', 101, { max: 100 }), 'pct must be at most 100 (got 101)'],
    [() => integer('fen', 1.5), 'fen must be a whole number (got 1.5)'],
    [() => oneOf('kind', 'bridge', ['road']), 'kind must be one of road (got "bridge")'],
    [() => text('name', '  '), 'name must be a non-empty string of at most 200 characters (got "  ")'],
    [() => validDate('at', new Date('nonsense')), 'at must be a valid date (got null)'],
    [() => array('items', 'x'), 'items must be an array (got "x")'],
    [() => array('items', [], 1), 'items must have at least 1 item(s) (got [])'],
    [() => record('sample', [1]), 'sample must be an object (got [1])'],
    [() => record('sample', null), 'sample must be an object (got null)'],
    [() => bool('mandatory', 'yes'), 'mandatory must be true or false (got "yes")'],
    [() => positive('areaM2', 0), 'areaM2 must be greater than 0 (got 0)'],
    [() => nonNegative('grams', -1), 'grams must be at least 0 (got -1)'],
  ])('throw a DomainValidationError naming the field and value (%#)', (fn, message) => {
    expect(fn).toThrow(DomainValidationError);
    expect(fn).toThrow(message);
  });
});

describe('errors', () => {
  it('name what was not found and what conflicts, with stable codes and details', () => {
    const missing = new NotFoundError('site', 'NY');
    expect(missing.message).toBe('site "NY" does not exist');
    expect(missing).toBeInstanceOf(Error);
    const conflict = new ConflictError('illegal-transition', 'cannot start a completed order', {
      current: 'completed',
      allowed: ['verify'],
    });
    expect(conflict).toMatchObject({
      name: 'ConflictError',
      code: 'illegal-transition',
      details: { current: 'completed', allowed: ['verify'] },
    });
  });
});
