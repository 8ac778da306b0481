import iconv from 'iconv-lite';
import { ImportFileError } from '../domain/import-file';

/** How a CSV file's text was encoded, as the import report says. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | (string & {});

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * A CSV file's text. A `charset` given with the upload is used as said; otherwise a UTF-8 BOM means
 * UTF-8, text that is valid UTF-8 is UTF-8, and anything else is read as GBK (what Excel saves on
 * Chinese Windows; read as GB18030, its superset). Text that is none of these is refused.
 */
export function decodeText(bytes: Buffer, charset?: string): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, ZIP))
    throw new ImportFileError(
      'unsupported-media-type',
      'This is an .xlsx (zip) file: send it as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw new ImportFileError(
      'unsupported-charset',
      'The file is UTF-16 text (Excel’s "Unicode text"): save it as "CSV UTF-8" instead',
    );
  const declared = charset?.trim().toLowerCase();
  if (startsWith(bytes, UTF8_BOM)) return checked(utf8(bytes.subarray(3), 'UTF-8 with a BOM'), 'utf-8-bom');
  if (declared === 'utf-8' || declared === 'utf8') return checked(utf8(bytes, 'UTF-8'), 'utf-8');
  if (declared !== undefined) {
    if (!iconv.encodingExists(declared))
      throw new ImportFileError(
        'unsupported-charset',
        `The charset ${charset} is not one this service reads`,
      );
    return checked(iconv.decode(bytes, declared), declared, `is not valid ${charset} text`);
  }
  const asUtf8 = tryUtf8(bytes);
  if (asUtf8 !== undefined) return checked(asUtf8, 'utf-8');
  return checked(
    iconv.decode(bytes, 'gb18030'),
    'gbk',
    'is neither UTF-8 nor GBK text: save it from Excel as "CSV UTF-8" or as CSV, or name its charset in Content-Type',
  );
}

function tryUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf8(bytes: Buffer, what: string): string {
  const text = tryUtf8(bytes);
  if (text === undefined)
    throw new ImportFileError('unsupported-charset', `The file is not valid ${what} text`);
  return text;
}

function checked(
  text: string,
  encoding: TextEncoding,
  reason = 'is not text',
): { text: string; encoding: TextEncoding } {
  // A replacement character means bytes the charset has no character for; control characters, a
  // binary file. Either way the cells would be garbage.
  if (CONTROL.test(text)) throw new ImportFileError('unsupported-charset', `The file ${reason}`);
  return { text, encoding };
}
