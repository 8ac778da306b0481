import { serviceConfig } from '../../config';
import { loadConfig } from '@buqi/config';
import { LocalDiskEvidenceStore } from './evidence-store';
import { evidenceStore, S3EvidenceStore } from './s3-evidence-store';

// What every service needs, so that only the evidence settings vary.
const REQUIRED = {
  MONGO_URL: 'mongodb://127.0.0.1:27217/',
  REDIS_URL: 'redis://127.0.0.1:16379',
  KAFKA_BROKERS: '127.0.0.1:29092',
  AUTH_ISSUER: 'https://sso.example.gov.cn',
  AUTH_AUDIENCE: 'buqi',
  AUTH_JWKS_URL: 'https://sso.example.gov.cn/.well-known/jwks.json',
};
const config = (env: Record<string, string>) => loadConfig(serviceConfig, { ...REQUIRED, ...env });

describe('the evidence store the configuration names', () => {
  it('is local disk by default', () => {
    expect(evidenceStore(config({}))).toBeInstanceOf(LocalDiskEvidenceStore);
  });

  it('is a bucket with EVIDENCE_STORE=s3', () => {
    expect(
      evidenceStore(config({ EVIDENCE_STORE: 's3', EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:19000' })),
    ).toBeInstanceOf(S3EvidenceStore);
  });

  it('refuses half a pair of keys', () => {
    expect(() => evidenceStore(config({ EVIDENCE_STORE: 's3', EVIDENCE_S3_ACCESS_KEY_ID: 'AK' }))).toThrow(
      'set both or neither',
    );
  });

  it('refuses a store it does not know', () => {
    expect(() => config({ EVIDENCE_STORE: 'ftp' })).toThrow('EVIDENCE_STORE');
  });
});
