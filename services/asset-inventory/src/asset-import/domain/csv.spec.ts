import { CsvSyntaxError, csvRecord, parseCsv } from './csv';

describe('parseCsv', () => {
  it('numbers records as a spreadsheet numbers rows, through quoted line breaks and blank lines', () => {
    const text = 'code,name\r\nNY-RD-001,"南院,主干道"\r\n\r\nNY-RD-002,"两行\n名称"\nNY-RD-003,"说""好"""\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['code', 'name'] },
      { line: 2, cells: ['NY-RD-001', '南院,主干道'] },
      { line: 4, cells: ['NY-RD-002', '两行\n名称'] },
      { line: 5, cells: ['NY-RD-003', '说"好"'] },
    ]);
  });

  it('takes a tab or semicolon when the header has no comma, and a last line without its end', () => {
    expect(parseCsv('code\tname\nA\tB')).toEqual([
      { line: 1, cells: ['code', 'name'] },
      { line: 2, cells: ['A', 'B'] },
    ]);
    expect(parseCsv('code;name\rA;B\r')[1]).toEqual({ line: 2, cells: ['A', 'B'] });
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    expect(() => parseCsv('code,name\nA,"open\n')).toThrow(
      new CsvSyntaxError(2, 'a quoted field is not closed'),
    );
  });

  it('writes records that read back as written', () => {
    const cells = ['a,b', 'say "hi"', ' padded ', 'line\nbreak', '南院'];
    expect(csvRecord(cells)).toBe('"a,b","say ""hi"""," padded ","line\nbreak",南院\r\n');
    expect(parseCsv(csvRecord(cells))[0].cells).toEqual(cells);
  });
});
