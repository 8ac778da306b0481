import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from '../http/http-types';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  readonly ip?: string;
  readonly userAgent?: string;
}

const USER_AGENT_MAX = 256;

export function requestOrigin(request: HttpRequest): RequestOrigin {
  const ip = request.ip ?? request.socket?.remoteAddress;
  const agent = request.headers['user-agent']?.slice(0, USER_AGENT_MAX);
  return { ...(ip ? { ip } : {}), ...(agent ? { userAgent: agent } : {}) };
}

/** The request's RequestOrigin as a handler parameter, to pass on to AuditTrail.record. */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestOrigin(context.switchToHttp().getRequest<HttpRequest>()),
);
