const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * What a zip file (an .xlsx) unpacks to, by its central directory, read before anything is
 * inflated: a small upload that would unpack to gigabytes is refused before it costs memory.
 * Undefined when the directory cannot be read (not a zip, or zip64).
 */
export function unpackedSize(zip: Buffer): number | undefined {
  const end = findEndOfDirectory(zip);
  if (end === undefined) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) return undefined;
    const size = zip.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return undefined;
    total += size;
    offset +=
      46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

function findEndOfDirectory(zip: Buffer): number | undefined {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  return undefined;
}
