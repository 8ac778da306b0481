/**
 * A request body that could not be read: malformed JSON (400 `malformed-json`), too large (413
 * `payload-too-large`), an unsupported media type, charset or encoding (415 `unsupported-media-type`).
 */
export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fields body-parser (through http-errors) puts on what it passes to next(). */
interface ParserFailure {
  readonly type: string;
  readonly status: number;
  readonly expose: boolean;
  readonly message: string;
  readonly limit?: number;
}

const isParserFailure = (error: unknown): error is ParserFailure =>
  error instanceof Error &&
  typeof (error as Partial<ParserFailure>).type === 'string' &&
  typeof (error as Partial<ParserFailure>).status === 'number' &&
  (error as Partial<ParserFailure>).expose === true;

/**
 * body-parser's failure as a RequestBodyError, or undefined for anything else. Only failures it
 * marks `expose` (the client's doing, 4xx) are converted; its own faults stay server errors.
 */
export function toRequestBodyError(error: unknown): RequestBodyError | undefined {
  if (!isParserFailure(error) || error.status < 400 || error.status > 499) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new RequestBodyError(
        400,
        'malformed-json',
        `The request body is not valid JSON: ${error.message}`,
      );
    case 'entity.too.large':
      return new RequestBodyError(
        413,
        'payload-too-large',
        `The request body is larger than the limit${error.limit === undefined ? '' : ` of ${error.limit} bytes`}`,
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new RequestBodyError(
        415,
        'unsupported-media-type',
        `The request body cannot be read: ${error.message}`,
      );
    default:
      return new RequestBodyError(
        error.status,
        'unreadable-body',
        `The request body cannot be read: ${error.message}`,
      );
  }
}
