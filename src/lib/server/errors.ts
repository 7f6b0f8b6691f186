/**
 * Coded application errors. One table maps codes to HTTP statuses so routes, the API and
 * Open311 answer consistently. Messages are catalogue keys, never internal details.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // The database cannot be reached for now (http/db-outage.ts): try again shortly.
  UNAVAILABLE: 503
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'NOT_FOUND') => new AppError('NOT_FOUND', what);
export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
