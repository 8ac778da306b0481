import { Type } from '@sinclair/typebox';

/** RFC 9457 media type of every error answer. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are URNs, `urn:buqi:problem:<code>`: stable names clients branch on, not links
 * (nothing is served at them). `code` repeats the last part for clients that prefer a short key.
 */
export const problemType = (code: string): string => `urn:buqi:problem:${code}`;

/** One bad field: where it was (request problems only), its path (e.g. `plan.widthM`), what was sent and why it is refused. */
export interface FieldProblem {
  readonly location?: 'body' | 'query' | 'params';
  readonly field: string;
  readonly value?: unknown;
  readonly reason: string;
}

/** The body of every error answer. Extension members (e.g. `details` of a conflict) may follow. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path. */
  readonly instance: string;
  readonly code: string;
  readonly errors?: readonly FieldProblem[];
  readonly correlationId: string;
  readonly [extension: string]: unknown;
}

/** The problem body as a schema, for OpenAPI. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:buqi:problem:<code>', examples: ['urn:buqi:problem:not-found'] }),
    title: Type.String({ description: 'Short summary of the problem type' }),
    status: Type.Integer({ description: 'The HTTP status code' }),
    detail: Type.String({ description: 'What went wrong in this occurrence' }),
    instance: Type.String({ description: 'The request path' }),
    code: Type.String({ description: 'Stable problem code, e.g. not-found, invalid-request, duplicate' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          location: Type.Optional(
            Type.Union([Type.Literal('body'), Type.Literal('query'), Type.Literal('params')]),
          ),
          field: Type.String({ description: 'Path of the field, e.g. plan.widthM' }),
          value: Type.Optional(Type.Unknown({ description: 'The value received (long values shortened)' })),
          reason: Type.String(),
        }),
      ),
    ),
    correlationId: Type.String({ description: 'Quote it when reporting a problem' }),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);
