import { ForbiddenException } from '@nestjs/common';

/**
 * The principal is known but may not do this. A ForbiddenException, so it answers 403 wherever it
 * is thrown from (guards, controllers, use cases).
 */
export class AccessDeniedError extends ForbiddenException {
  override readonly name = 'AccessDeniedError';

  constructor(message: string) {
    super(message);
  }
}
