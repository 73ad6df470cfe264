/** An error whose message a sysadmin can act on; `hint` says what to do next. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.hint = options.hint;
  }
}

/** One line for the status bar and the log: message, then the hint. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) {
    return error.hint ? `${error.message} (${error.hint})` : error.message;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'CancelledError')
  );
}
