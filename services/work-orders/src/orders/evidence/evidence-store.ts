import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where evidence (photos) is kept: a port, so a deployment can put it in an S3-compatible bucket.
 * Keys are `<orderId>/<sha256>`: the same photo twice is one object.
 */
export abstract class EvidenceStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer | undefined>;
}

/** Evidence on local disk under a directory (the default; EVIDENCE_DIR). Writes go to a temporary file first. */
export class LocalDiskEvidenceStore extends EvidenceStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  private path(key: string): string {
    return join(this.root, checkedKey(key));
  }
}

/** An evidence key as the service makes them, or an error: nothing else reaches a store. */
export function checkedKey(key: string): string {
  if (!/^[A-Za-z0-9._:-]+\/[a-f0-9]{64}$/.test(key)) throw new Error(`not an evidence key: ${key}`);
  return key;
}
