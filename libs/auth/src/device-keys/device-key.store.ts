/** What a service stores per device key (the key itself is never stored). */
export interface StoredDeviceKey {
  readonly deviceId: string;
  /** SHA-256 of the key, as generateDeviceKey returned it. */
  readonly hash: string;
  readonly revoked: boolean;
}

/** Looks device keys up by key id; a service that has @DeviceAuth() routes provides one. */
export interface DeviceKeyStore {
  find(keyId: string): Promise<StoredDeviceKey | undefined>;
}

/**
 * Injection token of the DeviceKeyStore, e.g. `{ provide: DEVICE_KEY_STORE, useClass: … }` in any
 * module of the service. Without one, a service with @DeviceAuth() routes refuses to start.
 */
export const DEVICE_KEY_STORE = Symbol('DEVICE_KEY_STORE');
