import iconv from 'iconv-lite';
import { decodeText } from './text-decoding';
import { mediaTypeOf } from './import-upload';
import { unpackedSize } from './zip-size';

const text = '编码,名称\r\nNY-RD-001,南院主干道（东段）\r\n';

describe('decodeText', () => {
  it('tells UTF-8, UTF-8 with a BOM and GBK apart', () => {
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      text,
      encoding: 'utf-8-bom',
    });
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
  });

  it('uses a declared charset as declared', () => {
    expect(decodeText(iconv.encode(text, 'gb18030'), 'GB18030')).toEqual({ text, encoding: 'gb18030' });
    expect(() => decodeText(iconv.encode(text, 'gbk'), 'utf-8')).toThrow('not valid UTF-8');
    expect(() => decodeText(Buffer.from(text), 'klingon')).toThrow('charset klingon');
  });

  it('refuses what is neither, naming what to do instead', () => {
    expect(() => decodeText(Buffer.from([0x61, 0x2c, 0xff, 0x80, 0x0a]))).toThrow('neither UTF-8 nor GBK');
    expect(() => decodeText(Buffer.from([0x61, 0x00, 0x62]))).toThrow('not text');
    expect(() => decodeText(iconv.encode(text, 'utf-16le', { addBOM: true }))).toThrow('CSV UTF-8');
    expect(() => decodeText(Buffer.from('PK\u0003\u0004rest'))).toThrow('.xlsx');
  });
});

describe('uploads', () => {
  it('reads the media type and its charset', () => {
    expect(mediaTypeOf('Text/CSV; charset="GBK"')).toEqual({ type: 'text/csv', charset: 'GBK' });
    expect(mediaTypeOf(undefined)).toEqual({ type: '' });
  });

  it('measures what a zip unpacks to from its directory, before inflating anything', () => {
    // A zip of one stored entry "a.txt" holding "hello", built by hand.
    const name = Buffer.from('a.txt');
    const data = Buffer.from('hello');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(5, 18);
    local.writeUInt32LE(5, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(5, 20);
    central.writeUInt32LE(5, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    expect(unpackedSize(zip)).toBe(5);
    central.writeUInt32LE(3_000_000_000, 24);
    expect(unpackedSize(Buffer.concat([local, name, data, central, name, end]))).toBe(3_000_000_000);
    expect(unpackedSize(Buffer.from('not a zip at all, just text'))).toBeUndefined();
  });
});
