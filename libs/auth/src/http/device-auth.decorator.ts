import { SetMetadata } from '@nestjs/common';
import { DEVICE_AUTH_KEY } from './metadata';

/**
 * The route is for devices: it takes `Authorization: ApiKey <key>` (or `X-Device-Key: <key>`)
 * instead of a bearer token, checked against the service's DEVICE_KEY_STORE.
 */
export const DeviceAuth = (): ClassDecorator & MethodDecorator => SetMetadata(DEVICE_AUTH_KEY, true);
