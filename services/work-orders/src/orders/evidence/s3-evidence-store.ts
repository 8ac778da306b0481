import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ServiceConfig } from '../../config';
import { checkedKey, EvidenceStore, LocalDiskEvidenceStore } from './evidence-store';

export interface S3EvidenceOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint; AWS S3 itself when undefined. */
  endpoint?: string;
  pathStyle: boolean;
  /** The SDK's default credential chain when undefined. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Evidence in an S3-compatible bucket (EVIDENCE_STORE=s3). Each photo is one object under its key
 * (`<orderId>/<sha256>`), sent with its SHA-256 so the store refuses a body damaged on the way.
 * The SDK is loaded on first use: a service that keeps photos on disk never loads it.
 */
export class S3EvidenceStore extends EvidenceStore {
  private client?: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }>;

  constructor(private readonly options: S3EvidenceOptions) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const { s3, sdk } = await this.connect();
    await s3.send(
      new sdk.PutObjectCommand({
        Bucket: this.options.bucket,
        Key: checkedKey(key),
        Body: bytes,
        ContentLength: bytes.length,
        ChecksumSHA256: createHash('sha256').update(bytes).digest('base64'),
      }),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    const { s3, sdk } = await this.connect();
    try {
      const object = await s3.send(
        new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: checkedKey(key) }),
      );
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    } catch (err) {
      if (err instanceof sdk.NoSuchKey || (err as { name?: string }).name === 'NotFound') return undefined;
      throw err;
    }
  }

  private connect(): Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: this.options.region,
        forcePathStyle: this.options.pathStyle,
        ...(this.options.endpoint && { endpoint: this.options.endpoint }),
        ...(this.options.credentials && { credentials: this.options.credentials }),
        // A photo is sent once; a failed send is the crew's retry, not a hidden one minutes later.
        maxAttempts: 2,
      }),
    }));
    return this.client;
  }
}

/** The evidence store the configuration names. */
export function evidenceStore(config: ServiceConfig): EvidenceStore {
  if (config.EVIDENCE_STORE === 'local') return new LocalDiskEvidenceStore(config.EVIDENCE_DIR);
  const { EVIDENCE_S3_ACCESS_KEY_ID: accessKeyId, EVIDENCE_S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error(
      'EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY go together: set both or neither',
    );
  return new S3EvidenceStore({
    bucket: config.EVIDENCE_S3_BUCKET,
    region: config.EVIDENCE_S3_REGION,
    pathStyle: config.EVIDENCE_S3_PATH_STYLE,
    ...(config.EVIDENCE_S3_ENDPOINT && { endpoint: config.EVIDENCE_S3_ENDPOINT }),
    ...(accessKeyId && secretAccessKey && { credentials: { accessKeyId, secretAccessKey } }),
  });
}
