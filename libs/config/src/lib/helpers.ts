import { formatDuration, parseDuration } from './duration';
import {
  defineVariable,
  fail,
  ok,
  type ParseResult,
  type Variable,
  type ValueFor,
  type VariableOptions,
} from './variable';

export interface StrOptions extends VariableOptions<string> {
  /** The whole value must match; `expected` names the form in errors, e.g. "letters and digits". */
  readonly format?: { readonly pattern: RegExp; readonly expected: string };
}

/** Any non-empty string, or one of the given format. */
export function str<const O extends StrOptions>(options: O): Variable<ValueFor<string, O>> {
  const { format } = options;
  return defineVariable<string, O>('string', options, (raw) =>
    !format || format.pattern.test(raw) ? ok(raw) : fail(`is not ${format.expected}`),
  );
}

export interface IntOptions extends VariableOptions<number> {
  readonly min?: number;
  readonly max?: number;
}

/** A whole number, optionally bounded (inclusive). */
export function int<const O extends IntOptions>(options: O): Variable<ValueFor<number, O>> {
  const { min, max } = options;
  const expected =
    min !== undefined && max !== undefined
      ? `an integer between ${min} and ${max}`
      : min !== undefined
        ? `an integer of at least ${min}`
        : max !== undefined
          ? `an integer of at most ${max}`
          : 'an integer';
  return defineVariable<number, O>('integer', options, (raw) => {
    const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    const inRange =
      Number.isSafeInteger(value) &&
      (min === undefined || value >= min) &&
      (max === undefined || value <= max);
    return inRange ? ok(value) : fail(`is not ${expected}`);
  });
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** true/false, 1/0, yes/no or on/off, in any case. */
export function bool<const O extends VariableOptions<boolean>>(options: O): Variable<ValueFor<boolean, O>> {
  return defineVariable<boolean, O>('boolean', options, (raw) => {
    const word = raw.toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
    return fail('is not a boolean (true/false, 1/0, yes/no, on/off)');
  });
}

export interface UrlOptions extends VariableOptions<string> {
  /** Accepted schemes without the colon, e.g. ['mongodb', 'mongodb+srv']; any scheme when omitted. */
  readonly protocols?: readonly string[];
}

/** An absolute URL `scheme://…`. Multi-host authorities (`mongodb://a:1,b:2/`) are accepted. */
export function url<const O extends UrlOptions>(options: O): Variable<ValueFor<string, O>> {
  const protocols = options.protocols?.map((p) => p.replace(/:$/, '').toLowerCase());
  const expected = protocols?.length
    ? `a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`
    : 'an absolute URL';
  return defineVariable<string, O>('url', options, (raw): ParseResult<string> => {
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)(\S*)$/i.exec(raw);
    if (!match) return fail(`is not ${expected}`);
    if (protocols && !protocols.includes(match[1].toLowerCase())) return fail(`is not ${expected}`);
    // WHATWG URL cannot parse a host list, so only single-host URLs get the full check.
    if (!match[2].includes(',') && !URL.canParse(raw)) return fail(`is not ${expected}`);
    return ok(raw);
  });
}

export interface ListOptions extends VariableOptions<readonly string[]> {
  /** Each item must match `pattern`; `expected` names the item form in errors, e.g. "host:port". */
  readonly item?: { readonly pattern: RegExp; readonly expected: string };
}

/** Comma-separated values, trimmed, empty items dropped. */
export function list<const O extends ListOptions>(options: O): Variable<ValueFor<readonly string[], O>> {
  const { item } = options;
  return defineVariable<readonly string[], O>(
    'list',
    options,
    (raw) => {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (items.length === 0) return fail('is not a comma-separated list with at least one item');
      const bad = item ? items.filter((s) => !item.pattern.test(s)) : [];
      if (item && bad.length > 0) return fail(`is not a comma-separated list of ${item.expected}`);
      return ok(Object.freeze(items));
    },
    (value) => value.join(','),
  );
}

/** One of a fixed set of words (matched case-insensitively, returned as declared). */
export function enumOf<
  const V extends readonly [string, ...string[]],
  const O extends VariableOptions<V[number]>,
>(values: V, options: O): Variable<ValueFor<V[number], O>> {
  return defineVariable<V[number], O>('enum', options, (raw) => {
    const found = values.find((v) => v.toLowerCase() === raw.toLowerCase());
    return found !== undefined ? ok(found) : fail(`is not one of: ${values.join(', ')}`);
  });
}

export interface DurationOptions extends Omit<VariableOptions<number>, 'default'> {
  /** "30s", "5m", … or a number of milliseconds. */
  readonly default?: number | string;
}

type DurationValue<O> = O extends { default: unknown }
  ? number
  : O extends { optional: true }
    ? number | undefined
    : number;

/** A time span loaded as milliseconds: "250ms", "30s", "5m", "2h", "1d" or a bare number of milliseconds. */
export function duration<const O extends DurationOptions>(options: O): Variable<DurationValue<O>> {
  const defaultMs = typeof options.default === 'string' ? parseDuration(options.default) : options.default;
  if (options.default !== undefined && defaultMs === undefined) {
    throw new Error(`Invalid default duration "${String(options.default)}"`);
  }
  const variable = defineVariable<number, VariableOptions<number>>(
    'duration',
    { ...options, default: defaultMs },
    (raw) => {
      const ms = parseDuration(raw);
      return ms !== undefined
        ? ok(ms)
        : fail('is not a duration (milliseconds, or a number with ms, s, m, h or d, e.g. 30s)');
    },
    formatDuration,
  );
  return variable as Variable<DurationValue<O>>;
}
