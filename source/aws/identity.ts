import type { AwsClientFactory } from './client-factory.js';
import { AwsError, toAwsError } from './aws-errors.js';
import { profileExists } from './profiles.js';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export interface IdentityReader {
  readonly whoAmI: (signal?: AbortSignal) => Promise<CallerIdentity>;
}

export function createIdentityReader(
  factory: AwsClientFactory,
): IdentityReader {
  return {
    async whoAmI(signal) {
      try {
        const sts = await factory.sts();
        const { GetCallerIdentityCommand } =
          await import('@aws-sdk/client-sts');
        const result = await sts.send(new GetCallerIdentityCommand({}), {
          abortSignal: signal,
        });
        return {
          account: result.Account ?? '?',
          arn: result.Arn ?? '?',
          userId: result.UserId ?? '?',
        };
      } catch (error) {
        const { profile } = factory.settings;
        if (
          profile !== undefined &&
          (error as Error).name === 'CredentialsProviderError' &&
          !(await profileExists(profile).catch(() => true))
        ) {
          throw new AwsError(
            'no-credentials',
            `profile ${profile} is not in ~/.aws/config or ~/.aws/credentials`,
            {
              hint:
                'pick another with :profile, or add it with aws configure --profile ' +
                profile,
              cause: error,
            },
          );
        }
        throw toAwsError(error, {
          profile: factory.settings.profile,
          action: 'sts:GetCallerIdentity',
          endpoint: factory.settings.endpoint,
        });
      }
    },
  };
}

/** The last part of an ARN that names the caller: "user/alice", "assumed-role/Ops/alice". */
export function shortPrincipal(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource === '' ? arn : resource;
}
