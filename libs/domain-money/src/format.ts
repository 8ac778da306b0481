import { DomainValidationError } from '@buqi/domain-kernel';
import { fen, type Fen } from './money';

/** `123456` fen → `¥1,234.56`; negative amounts as `-¥1,234.56`. */
export function formatCny(amount: Fen): string {
  const value = fen(amount);
  const abs = Math.abs(value);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${value < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * Parses yuan written as text (`"1234.5"`, `"1,234.56"`, `"¥12"`, `"-3.07"`) into fen, exactly.
 * More than two decimals is an error, not a silent rounding.
 */
export function parseYuan(text: string, field = 'amount'): Fen {
  if (typeof text !== 'string') throw new DomainValidationError(field, text, 'must be a string of yuan');
  const m = /^(-)?¥?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new DomainValidationError(field, text, 'must be yuan with at most two decimals, e.g. 1234.56');
  const whole = BigInt(m[2].replace(/,/g, ''));
  const cents = BigInt((m[3] ?? '').padEnd(2, '0'));
  const total = (whole * 100n + cents) * (m[1] ? -1n : 1n);
  const n = Number(total);
  if (!Number.isSafeInteger(n)) throw new DomainValidationError(field, text, 'is too large to hold exactly');
  return n as Fen;
}
