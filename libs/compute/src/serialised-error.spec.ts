import { ErrorClassRegistry, serialiseError } from './serialised-error';
import { QuotaError, UnlistedError } from './test-fixtures/fixture-errors';

// What postMessage does to the serialised form on its way between threads.
const acrossThreads = (error: unknown) => structuredClone(serialiseError(error));

describe('serialiseError and ErrorClassRegistry', () => {
  it('survives structured clone with its class chain and own fields', () => {
    const serialised = acrossThreads(new QuotaError('inspections', 3, { zone: 'north-court' }));

    expect(serialised).toMatchObject({
      classes: ['QuotaError', 'Error'],
      name: 'QuotaError',
      message: 'quota inspections is limited to 3',
      fields: { name: 'QuotaError', quota: 'inspections', limit: 3, detail: { zone: 'north-court' } },
    });
  });

  it('replaces a field structured clone cannot copy with a description', () => {
    const error = Object.assign(new Error('boom'), {
      retry: function retryLater(): number {
        return 1;
      },
    });

    expect(acrossThreads(error).fields).toEqual({ retry: '[function retryLater]' });
  });

  it('rebuilds built-in classes without registration', () => {
    const rebuilt = new ErrorClassRegistry().rebuild(acrossThreads(new RangeError('too far')));

    expect(rebuilt).toBeInstanceOf(RangeError);
    expect(rebuilt.message).toBe('too far');
  });

  it('rebuilds a registered class with the same enumerable fields and the same string form', () => {
    const rebuilt = new ErrorClassRegistry([QuotaError]).rebuild(acrossThreads(new QuotaError('q', 1, {})));

    expect(rebuilt).toBeInstanceOf(QuotaError);
    expect(Object.keys(rebuilt).sort()).toEqual(['detail', 'limit', 'name', 'quota']);
    expect(String(rebuilt)).toBe('QuotaError: quota q is limited to 1');
  });

  it('keeps the name of an unregistered class that declares it on its prototype, as AbortError does', () => {
    class TimeoutError extends Error {
      override get name(): string {
        return 'TimeoutError';
      }
    }
    const rebuilt = new ErrorClassRegistry().rebuild(acrossThreads(new TimeoutError('gave up')));

    expect(rebuilt).toBeInstanceOf(Error);
    expect(String(rebuilt)).toBe('TimeoutError: gave up');
  });

  it('refuses two classes of one name, since errors are matched by name', () => {
    const Impostor = class QuotaError extends Error {};

    expect(() => new ErrorClassRegistry([QuotaError, Impostor])).toThrow(
      'Two error classes are named QuotaError',
    );
    expect(() => new ErrorClassRegistry([QuotaError, UnlistedError, QuotaError])).not.toThrow();
  });
});
