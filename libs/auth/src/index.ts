export { authConfig, type AuthSettings } from './config/auth.config';
export { ROLES, isRole, type BuqiClaims, type Role } from './identity/roles';
export {
  actorOf,
  devicePrincipal,
  hasAnyRole,
  principalFromClaims,
  type DevicePrincipal,
  type Principal,
  type TokenClaims,
  type UserPrincipal,
} from './identity/principal';
export { ACCEPTED_ALGORITHMS, TokenVerifier, type TokenVerifierOptions } from './tokens/token-verifier';
export { InvalidTokenError, KeySetUnavailableError, type TokenProblem } from './tokens/token-errors';
export {
  KEY_SET_REFRESH_COOLDOWN_MS,
  fileKeySet,
  keySetFor,
  remoteKeySet,
  type KeyResolver,
  type KeySetOptions,
} from './tokens/key-sets';
export { AccessDeniedError } from './authorization/access-denied.error';
export { OWNERSHIP_CLAIMS, assertOwnership, type OwnershipClaim } from './authorization/ownership';
export {
  DEVICE_KEY_PREFIX,
  generateDeviceKey,
  hashDeviceKey,
  parseDeviceKey,
  verifyDeviceKey,
  type GeneratedDeviceKey,
  type ParsedDeviceKey,
} from './device-keys/device-key';
export { DEVICE_KEY_STORE, type DeviceKeyStore, type StoredDeviceKey } from './device-keys/device-key.store';
export { AUTH_SETTINGS, AuthModule } from './auth.module';
export { Caller, callerOf } from './http/caller.decorator';
export { CurrentPrincipal } from './http/current-principal.decorator';
export { DeviceAuth } from './http/device-auth.decorator';
export { OwnerOf, type OwnerOfOptions } from './http/owner-of.decorator';
export { Roles } from './http/roles.decorator';
export { principalOf } from './http/request-principal';
export { RateLimit, type RateLimitRule, type RateLimitSubject } from './rate-limit/rate-limit.decorator';
export { RateLimiter, type RateLimitDecision } from './rate-limit/rate-limiter';
export {
  AUDIT_OUTCOMES,
  type AuditActor,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type AuditRecord,
  type AuditResource,
} from './audit/audit-record';
export {
  AUDIT_LIST_MAX_LIMIT,
  AUDIT_RETENTION_DAYS,
  AUDIT_STATE_MAX_BYTES,
  AuditTrail,
  type AuditEntry,
} from './audit/audit-trail';
export { AUDIT_COLLECTION } from './audit/audit.schema';
export { AuditModule } from './audit/audit.module';
export { isPhoneField, maskPersonalData, maskPhone } from './audit/mask';
export { Origin, requestOrigin, type RequestOrigin } from './audit/request-origin';
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_JWKS_FILE,
  DevIssuer,
  type DevIssuerEnv,
  type DevTokenClaims,
} from './dev-issuer/dev-issuer';
