import { normalizeName, type CellType } from './asset-columns';

export type CellValue = string | number | boolean;
export type CellReading = { readonly value: CellValue } | { readonly reason: string };
export type Language = 'zh' | 'en';

// Excel runs a cell starting with one of these as a formula; text written with one gets a leading
// apostrophe (which Excel hides), and reading drops it again.
const FORMULA_START = /^[=+\-@\t\r]/;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// Thousands separators only in their places: "12,5" is refused, not read as 125.
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const plainNumber = (text: string): string => (GROUPED.test(text) ? text.replace(/,/g, '') : text);
const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const TRUE = new Set(['是', 'yes', 'y', 'true', '1', '有']);
const FALSE = new Set(['否', 'no', 'n', 'false', '0', '无']);

/** A cell's text as the column's type, or why it is not one. Blank cells are read before this. */
export function readCell(type: CellType, raw: string): CellReading {
  const text = raw.trim();
  switch (type.kind) {
    case 'text':
      return { value: text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text };
    case 'number':
    case 'integer': {
      const plain = plainNumber(text);
      if (!NUMBER.test(plain)) return { reason: 'is not a number' };
      const value = Number(plain);
      if (type.kind === 'integer' && !Number.isInteger(value)) return { reason: 'is not a whole number' };
      return { value };
    }
    case 'yuan': {
      const match = YUAN.exec(plainNumber(text));
      if (!match) return { reason: 'is not an amount in yuan (at most two decimals, e.g. 504000.00)' };
      const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
      return Number.isSafeInteger(fen) ? { value: fen } : { reason: 'is too large' };
    }
    case 'date': {
      const match = DATE.exec(text);
      if (!match) return { reason: 'is not a date (YYYY-MM-DD)' };
      const [y, m, d] = [match[1], match[2].padStart(2, '0'), match[3].padStart(2, '0')];
      const date = `${y}-${m}-${d}`;
      const parsed = new Date(`${date}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date
        ? { reason: 'is not a calendar date' }
        : { value: date };
    }
    case 'boolean': {
      const word = normalizeName(text);
      if (TRUE.has(word)) return { value: true };
      if (FALSE.has(word)) return { value: false };
      return { reason: 'must be 是 or 否 (yes or no)' };
    }
    case 'enum': {
      const word = normalizeName(text);
      const found = Object.entries(type.labels).find(
        ([value, label]) => normalizeName(value) === word || normalizeName(label) === word,
      );
      return found
        ? { value: found[0] }
        : {
            reason: `must be one of: ${Object.entries(type.labels)
              .map(([value, label]) => (label === value ? value : `${value} (${label})`))
              .join(', ')}`,
          };
    }
  }
}

/** A value as a cell's text, so that reading it back gives the same value. */
export function writeCell(type: CellType, value: CellValue | undefined, language: Language): string {
  if (value === undefined) return '';
  switch (type.kind) {
    case 'text': {
      const text = String(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
    case 'yuan': {
      const fen = Number(value);
      return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    }
    case 'boolean':
      return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    case 'enum':
      return language === 'zh' ? (type.labels[String(value)] ?? String(value)) : String(value);
    default:
      return String(value);
  }
}
