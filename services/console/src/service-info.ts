/** Who this service is: its name in logs and traces, its OpenAPI title. */
export const serviceInfo = {
  name: 'console',
  title: 'Buqi console',
  description:
    'The console’s backend for its pages: sign-in with sessions (an httpOnly, SameSite=Strict cookie), ' +
    'accounts kept by admins, and /api/<service>/… calls to asset-inventory, budget-allocation and ' +
    'work-orders as the signed-in person, with short-lived tokens it signs; its public keys at ' +
    '/.well-known/jwks.json.',
} as const;
