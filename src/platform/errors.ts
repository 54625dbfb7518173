/**
 * The one error type services throw. `code` is dotted (`case.transition_not_allowed`) and is also the
 * i18n key (`errors.<code>`) of the message the user sees. The HTTP edge maps it to a status with
 * `httpStatusFor`; services never throw transport errors.
 */
export interface FieldError {
  /** JSON path of the offending field, e.g. `body.seats` or `row 12: birth_date`. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface DomainErrorOptions {
  readonly detail?: string;
  readonly fields?: readonly FieldError[];
  /** Extra machine-readable members of the problem document (no personal data). */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly fields: readonly FieldError[];
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: string, options: DomainErrorOptions = {}) {
    super(options.detail ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The single table from error code suffix to HTTP status. */
const STATUS_BY_SUFFIX: ReadonlyArray<readonly [string, number]> = [
  ['.unauthenticated', 401],
  ['.forbidden', 403],
  ['.not_found', 404],
  ['.malformed', 400],
  ['.invalid', 422],
  ['.conflict', 409],
  ['.request_conflict', 409],
  ['.transition_not_allowed', 409],
  ['.guard_failed', 409],
  ['.expired', 410],
  ['.too_large', 413],
  ['.unsupported_media_type', 415],
  ['.rate_limited', 429],
  ['.unavailable', 503],
];

export function httpStatusFor(code: string): number {
  for (const [suffix, status] of STATUS_BY_SUFFIX) {
    if (code.endsWith(suffix)) return status;
  }
  return 500;
}

export const notFound = (entity: string): DomainError => new DomainError(`${entity}.not_found`);
export const forbidden = (entity: string): DomainError => new DomainError(`${entity}.forbidden`);
