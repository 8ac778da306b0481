import { maskPhone, publicTimeline } from './occupant-request';

describe('occupant requests', () => {
  it('masks a phone number but its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('861******5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('tells the reporter what happened and when, and nothing about who', () => {
    const at = new Date('2026-11-30T02:00:00.000Z');
    expect(
      publicTimeline([
        { action: 'create', at },
        { action: 'assign', at },
        { action: 'verify', at },
      ]),
    ).toEqual([
      { what: 'received', at: at.toISOString() },
      { what: 'assigned to a crew', at: at.toISOString() },
      { what: 'checked and accepted', at: at.toISOString() },
    ]);
  });
});
