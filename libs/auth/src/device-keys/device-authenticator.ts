import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import { apiKeyChallenge, unavailable } from '../http/challenges';
import { presentedDeviceKey } from '../http/credentials';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { devicePrincipal, type DevicePrincipal } from '../identity/principal';
import { parseDeviceKey, verifyDeviceKey } from './device-key';
import { DEVICE_KEY_STORE, type DeviceKeyStore, type StoredDeviceKey } from './device-key.store';

/** Authenticates @DeviceAuth() requests against the service's DEVICE_KEY_STORE. */
@Injectable()
export class DeviceAuthenticator {
  private store: DeviceKeyStore | null | undefined;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(PLATFORM_LOGGER) private readonly logger?: Logger,
  ) {}

  /**
   * The store from anywhere in the application (a service provides it in its own module), found
   * once; null when there is none.
   */
  keyStore(): DeviceKeyStore | null {
    if (this.store === undefined) {
      try {
        this.store = this.moduleRef.get<DeviceKeyStore>(DEVICE_KEY_STORE, { strict: false });
      } catch {
        this.store = null;
      }
    }
    return this.store;
  }

  async authenticate(request: HttpRequest, response: HttpResponse): Promise<DevicePrincipal> {
    const presented = presentedDeviceKey(request.headers);
    if (presented.kind === 'none') {
      throw apiKeyChallenge(
        response,
        'Missing device key: send "Authorization: ApiKey <key>" or "X-Device-Key"',
      );
    }
    if (presented.kind === 'malformed') throw apiKeyChallenge(response, presented.message);
    const parsed = parseDeviceKey(presented.value);
    if (!parsed) throw apiKeyChallenge(response, 'The device key is malformed');

    const stored = await this.find(parsed.keyId, response);
    // One answer for "no such key" and "wrong secret"; revocation is told only to the key's holder.
    if (!stored || !verifyDeviceKey(presented.value, stored.hash)) {
      throw apiKeyChallenge(response, 'The device key is not valid');
    }
    if (stored.revoked) throw apiKeyChallenge(response, 'The device key has been revoked');
    return devicePrincipal(stored.deviceId);
  }

  private async find(keyId: string, response: HttpResponse): Promise<StoredDeviceKey | undefined> {
    const store = this.keyStore();
    if (!store) throw new Error('No DEVICE_KEY_STORE provider: the start-up route check should have refused');
    try {
      return await store.find(keyId);
    } catch (error) {
      this.logger?.error({ err: error, keyId }, 'device key lookup failed');
      throw unavailable(response, 'Device keys cannot be checked right now; try again later');
    }
  }
}
