// Metadata keys of the access decorators, read by the guards and the start-up route check.
export const ROLES_KEY = 'buqi:roles';
export const OWNER_OF_KEY = 'buqi:owner-of';
export const DEVICE_AUTH_KEY = 'buqi:device-auth';
