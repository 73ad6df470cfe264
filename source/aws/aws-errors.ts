/**
 * Turns SDK and credential-chain errors into messages a sysadmin can act on:
 * what went wrong, and what to run or grant next.
 */
import { isAbortError, UserError } from '../lib/errors.js';

export type AwsProblemKind =
  | 'no-credentials'
  | 'sso-login'
  | 'expired'
  | 'rejected'
  | 'denied'
  | 'unreachable'
  | 'throttled'
  | 'other';

export class AwsError extends UserError {
  override readonly name = 'AwsError';
  readonly kind: AwsProblemKind;
  constructor(
    kind: AwsProblemKind,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.kind = kind;
  }
}

export interface AwsErrorContext {
  /** The profile in use, as shown in the header. */
  readonly profile: string | undefined;
  /** IAM action that failed, e.g. "ec2:DescribeRegions". */
  readonly action?: string;
  readonly endpoint?: string | undefined;
}

export const NO_CREDENTIALS_HELP = [
  'Configure credentials the way the AWS CLI does, then press Ctrl+R:',
  '  aws configure                    access keys for the default profile',
  '  aws configure sso                an IAM Identity Center (SSO) profile',
  '  export AWS_PROFILE=name          pick a profile from ~/.aws/config',
  '  export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...',
  '  opsdeck --profile name           or switch here with :profile',
  'On EC2 an instance role works with no configuration.',
  'To try opsdeck without AWS: opsdeck --demo',
];

/** A string property of an error-like value, or undefined. */
function field(error: unknown, name: string): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function toAwsError(
  error: unknown,
  context: AwsErrorContext,
): AwsError | UserError {
  if (error instanceof UserError) return error;
  const name = field(error, 'name') ?? field(error, 'Code') ?? 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const code = field(error, 'code') ?? '';
  const profileFlag =
    context.profile === undefined ? '' : ` --profile ${context.profile}`;
  const profileLabel = context.profile ?? 'default';
  const action = context.action ?? 'the request';

  if (
    /sso|token.*(expired|not found|invalid)|refresh.*session/i.test(message) &&
    /sso/i.test(`${message} ${name}`)
  ) {
    return new AwsError(
      'sso-login',
      `SSO session for profile ${profileLabel} is missing or expired`,
      {
        hint: `run: aws sso login${profileFlag}`,
        cause: error,
      },
    );
  }
  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials|unable to (load|find) credentials/i.test(
      message,
    )
  ) {
    if (context.profile !== undefined) {
      return new AwsError(
        'no-credentials',
        `profile ${context.profile} gives no credentials`,
        {
          hint: `check its keys, role or SSO settings (aws configure list --profile ${context.profile})`,
          cause: error,
        },
      );
    }
    return new AwsError('no-credentials', 'no AWS credentials found', {
      hint: 'run aws configure or aws configure sso, set AWS_PROFILE, or try opsdeck --demo',
      cause: error,
    });
  }
  if (
    /^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired)$/.test(
      name,
    )
  ) {
    return new AwsError(
      'expired',
      `credentials of profile ${profileLabel} have expired`,
      {
        hint: `refresh them (aws sso login${profileFlag}, or your credential process) and press Ctrl+R`,
        cause: error,
      },
    );
  }
  if (
    /^(InvalidClientTokenId|SignatureDoesNotMatch|AuthFailure|InvalidAccessKeyId|UnrecognizedClientException)$/.test(
      name,
    )
  ) {
    return new AwsError(
      'rejected',
      `AWS rejected the credentials of profile ${profileLabel} (${name})`,
      {
        hint: 'check the access key, its secret and the system clock',
        cause: error,
      },
    );
  }
  if (
    /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|Forbidden|AllAccessDisabled)$/.test(
      name,
    )
  ) {
    return new AwsError('denied', `permission denied for ${action}`, {
      hint: `grant ${action} to the identity of profile ${profileLabel}`,
      cause: error,
    });
  }
  if (
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)$/.test(
      code,
    ) ||
    name === 'TimeoutError'
  ) {
    const where = context.endpoint ?? 'the AWS endpoint';
    return new AwsError(
      'unreachable',
      `cannot reach ${where} (${code || name})`,
      {
        hint: 'check the network, the proxy settings and --endpoint-url',
        cause: error,
      },
    );
  }
  if (
    /^(Throttling|ThrottlingException|RequestLimitExceeded|SlowDown|TooManyRequestsException)$/.test(
      name,
    )
  ) {
    return new AwsError(
      'throttled',
      `AWS is throttling ${action} even after retries`,
      {
        hint: 'wait a minute and refresh; lower the refresh rate in config.yaml',
        cause: error,
      },
    );
  }
  return new AwsError('other', `${action} failed: ${name}: ${message}`, {
    cause: error,
  });
}

/** Runs one call; abort errors pass unchanged, the rest become what `toError` makes of them. */
export async function mappedCall<T, Context>(
  context: Context,
  call: () => Promise<T>,
  toError: (error: unknown, context: Context) => Error,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw toError(error, context);
  }
}
