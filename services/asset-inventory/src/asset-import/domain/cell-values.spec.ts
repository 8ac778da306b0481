import { columnByKey, columnOfHeader } from './asset-columns';
import { readCell, writeCell } from './cell-values';

const type = (key: string) => columnByKey(key).type;

describe('cells', () => {
  it('reads numbers, refusing a decimal comma rather than misreading it', () => {
    expect(readCell(type('lengthM'), ' 120.5 ')).toEqual({ value: 120.5 });
    expect(readCell(type('lengthM'), '1,234.5')).toEqual({ value: 1234.5 });
    expect(readCell(type('lengthM'), '12,5')).toEqual({ reason: 'is not a number' });
    expect(readCell(type('floor'), '-1')).toEqual({ value: -1 });
    expect(readCell(type('floor'), '2.5')).toEqual({ reason: 'is not a whole number' });
  });

  it('reads yuan into whole fen exactly, and writes them back with two decimals', () => {
    const yuan = type('replacementCostYuan');
    expect(readCell(yuan, '504,000.10')).toEqual({ value: 50_400_010 });
    expect(readCell(yuan, '0.29')).toEqual({ value: 29 }); // 0.29 * 100 is 28.999… as a float
    expect(readCell(yuan, '1.234')).toMatchObject({ reason: expect.stringContaining('two decimals') });
    expect(writeCell(yuan, 50_400_010, 'zh')).toBe('504000.10');
  });

  it('reads the dates Excel writes back, and only real ones', () => {
    const date = type('installedOn');
    expect(readCell(date, '2009/6/1')).toEqual({ value: '2009-06-01' });
    expect(readCell(date, '2009年6月1日')).toEqual({ value: '2009-06-01' });
    expect(readCell(date, '2009-02-30')).toEqual({ reason: 'is not a calendar date' });
  });

  it('reads labels in Chinese or codes in English, and writes the language asked for', () => {
    expect(readCell(type('roadClass'), '主干路')).toEqual({ value: 'arterial' });
    expect(readCell(type('roadClass'), 'Secondary-Arterial')).toEqual({ value: 'secondary-arterial' });
    expect(readCell(type('roadClass'), '高速')).toMatchObject({
      reason: expect.stringContaining('arterial (主干路)'),
    });
    expect(readCell(type('accessible'), 'TRUE')).toEqual({ value: true });
    expect(readCell(type('accessible'), '否')).toEqual({ value: false });
    expect(writeCell(type('restroomClass'), 'class-2', 'zh')).toBe('二类');
    expect(writeCell(type('restroomClass'), 'class-2', 'en')).toBe('class-2');
  });

  it('keeps text Excel would run as a formula inert, and reads it back as it was', () => {
    expect(writeCell(type('name'), '=HYPERLINK("x")', 'zh')).toBe('\'=HYPERLINK("x")');
    expect(readCell(type('name'), '\'=HYPERLINK("x")')).toEqual({ value: '=HYPERLINK("x")' });
    expect(readCell(type('name'), "O'Brien")).toEqual({ value: "O'Brien" });
  });

  it('knows a header in Chinese or English, whatever its width, case or spacing', () => {
    expect(columnOfHeader('长度（米）')?.key).toBe('lengthM');
    expect(columnOfHeader('长度(米)')?.key).toBe('lengthM');
    expect(columnOfHeader(' Length_M ')?.key).toBe('lengthM');
    expect(columnOfHeader('\uFEFF编码')?.key).toBe('code');
    expect(columnOfHeader('长度（厘米）')).toBeUndefined();
  });
});
