/**
 * An error as it crosses from a worker thread to the caller. Structured clone keeps only the message
 * and stack of an Error (and the class of the built-in ones), so the worker sends the class chain and
 * the own fields, and the caller rebuilds an instance of the nearest class it knows.
 */
export interface SerialisedError {
  /** Constructor names from the thrown class up to Error, e.g. ['DomainValidationError', 'Error']. */
  readonly classes: readonly string[];
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Own enumerable fields (`field`, `value`, `reason`…), each structured-cloneable. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly cause?: SerialisedError | { readonly value: unknown };
}

/** A class whose instances the caller wants back as that class. */
export type ErrorClass = abstract new (...args: never[]) => Error;

// Causes nest rarely; the bound only guards against a cycle of causes.
const MAX_CAUSE_DEPTH = 8;

export function serialiseError(thrown: unknown, depth = 0): SerialisedError {
  if (!(thrown instanceof Error)) {
    return {
      classes: ['Error'],
      name: 'Error',
      message: describe(thrown),
      fields: { thrown: cloneable(thrown) },
    };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(thrown)) {
    if (key !== 'message' && key !== 'stack' && key !== 'cause') fields[key] = cloneable(value);
  }
  const cause = thrown.cause;
  return {
    classes: classChain(thrown),
    name: thrown.name,
    message: thrown.message,
    ...(thrown.stack !== undefined && { stack: thrown.stack }),
    fields,
    ...(cause !== undefined &&
      depth < MAX_CAUSE_DEPTH && {
        cause: cause instanceof Error ? serialiseError(cause, depth + 1) : { value: cloneable(cause) },
      }),
  };
}

const BUILT_IN: readonly ErrorClass[] = [
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
];

/** Looks classes up by constructor name; the built-in error classes are always known. */
export class ErrorClassRegistry {
  private readonly byName = new Map<string, ErrorClass>();

  constructor(classes: readonly ErrorClass[] = []) {
    for (const c of BUILT_IN) this.byName.set(c.name, c);
    for (const c of classes) {
      const known = this.byName.get(c.name);
      if (known !== undefined && known !== c && !BUILT_IN.includes(known))
        throw new Error(`Two error classes are named ${c.name}: errors are matched by class name`);
      this.byName.set(c.name, c);
    }
  }

  /**
   * An instance of the nearest registered class in the thrown error's chain, with its message, stack
   * and fields. The constructor is not called (its parameters are unknown here): the fields are set
   * directly, so `instanceof` and every field hold as they did in the worker.
   */
  rebuild(serialised: SerialisedError): Error {
    const name = serialised.classes.find((c) => this.byName.has(c)) ?? 'Error';
    const errorClass = this.byName.get(name) ?? Error;
    const error = Object.create(errorClass.prototype) as Error;
    Object.assign(error, serialised.fields);
    hidden(error, 'message', serialised.message);
    if (serialised.stack !== undefined) hidden(error, 'stack', serialised.stack);
    // An unregistered class still says what it was: the caller sees its name, not "Error".
    if (error.name !== serialised.name) hidden(error, 'name', serialised.name);
    const cause = serialised.cause;
    if (cause !== undefined) hidden(error, 'cause', 'classes' in cause ? this.rebuild(cause) : cause.value);
    return error;
  }
}

function classChain(error: Error): string[] {
  const chain: string[] = [];
  for (let p: unknown = Object.getPrototypeOf(error); p !== null && p !== Object.prototype; ) {
    const ctor = (p as { constructor?: unknown }).constructor;
    if (typeof ctor === 'function' && ctor.name) chain.push(ctor.name);
    p = Object.getPrototypeOf(p);
  }
  return chain;
}

/** The value itself when it survives structured clone, else a description (a function, a socket…). */
function cloneable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return describe(value);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// Like the fields Error's own constructor sets: writable, configurable, not enumerable.
function hidden(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}
