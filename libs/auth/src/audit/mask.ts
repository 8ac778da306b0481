/**
 * Personal data kept out of the audit trail (PIPL: collect and keep the minimum). A phone number
 * keeps its first three and last four digits, as Chinese services commonly show it: 138****5678.
 */
export function maskPhone(value: string): string {
  const country = /^(\+86|0086)[\s-]?/.exec(value);
  if (country) return country[0] + maskPhone(value.slice(country[0].length));
  const digits = value.replace(/\D/g, '').length;
  if (digits < 8) return value.replace(/\d/g, '*');
  let seen = 0;
  return value.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= 3 || seen > digits - 4 ? digit : '*';
  });
}

// Field names whose words include one of these hold phone numbers: phone, mobilePhone, contact_tel, 手机号.
const PHONE_WORDS = new Set([
  'phone',
  'phones',
  'mobile',
  'mobiles',
  'tel',
  'telephone',
  'cellphone',
  'msisdn',
]);
const PHONE_CJK = /手机|电话|联系方式/;

export function isPhoneField(name: string): boolean {
  if (PHONE_CJK.test(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => PHONE_WORDS.has(word) || word.endsWith('phone'));
}

/**
 * A copy of `value` with every field named like a phone number masked, at any depth (objects and
 * arrays). Everything below such a field is masked: `phones: ['138…', '139…']`,
 * `phone: { home: '…' }`. The input is not changed.
 */
export function maskPersonalData<T>(value: T): T {
  return walk(value, false, new WeakSet()) as T;
}

function walk(value: unknown, mask: boolean, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return mask ? maskPhone(value) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return mask ? maskPhone(String(value)) : value;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  const out = Array.isArray(value)
    ? value.map((item) => walk(item, mask, seen))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, mask || isPhoneField(key), seen)]),
      );
  seen.delete(value);
  return out;
}
