import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the authentication guard: routes carrying it need no credentials. */
export const PUBLIC_ROUTE = 'buqi:public-route';

/**
 * Opens a route (or every route of a controller) to unauthenticated callers: health probes,
 * metrics, and the public endpoints that carry their own rate limits. Everything else requires a
 * bearer token by default.
 */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
