import { isPhoneField, maskPersonalData, maskPhone } from './mask';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '+86 138 **** 5678'],
    ['+8613812345678', '+86138****5678'],
    ['010-87654321', '010-****4321'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('keeps exactly the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('isPhoneField', () => {
  it.each([
    'phone',
    'phoneNumber',
    'mobile',
    'mobilePhone',
    'contact_tel',
    'TEL',
    'cellphone',
    'homePhone',
    '手机号',
    '联系电话',
  ])('masks %s', (name) => expect(isPhoneField(name)).toBe(true));
  it.each(['telemetry', 'hotel', 'name', 'automobile', 'title', 'siphon'])('leaves %s', (name) =>
    expect(isPhoneField(name)).toBe(false),
  );
});

describe('maskPersonalData', () => {
  it('masks phone fields at any depth and leaves the rest, without changing the input', () => {
    const input = {
      name: '王五',
      phone: '13812345678',
      contacts: [{ role: 'supervisor', mobile: 13987654321 }],
      site: { contactTel: '13700001111', telemetry: { reading: 42 } },
      phones: ['13812345678', { work: '13600002222' }],
      at: new Date('2026-01-01T00:00:00Z'),
    };
    const copy = structuredClone(input);
    expect(maskPersonalData(input)).toEqual({
      name: '王五',
      phone: '138****5678',
      contacts: [{ role: 'supervisor', mobile: '139****4321' }],
      site: { contactTel: '137****1111', telemetry: { reading: 42 } },
      phones: ['138****5678', { work: '136****2222' }],
      at: new Date('2026-01-01T00:00:00Z'),
    });
    expect(input).toEqual(copy);
  });

  it('passes scalars and null through', () => {
    expect(maskPersonalData('13812345678')).toBe('13812345678');
    expect(maskPersonalData(null)).toBeNull();
    expect(maskPersonalData(undefined)).toBeUndefined();
  });

  it('survives cycles', () => {
    const node: Record<string, unknown> = { phone: '13812345678' };
    node['self'] = node;
    expect(maskPersonalData(node)).toEqual({ phone: '138****5678', self: '[Circular]' });
  });
});
