import type { AwsClientFactory } from './client-factory.js';
import { toAwsError } from './aws-errors.js';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

export interface IdentityReader {
  whoAmI(signal?: AbortSignal): Promise<CallerIdentity>;
}

export function createIdentityReader(factory: AwsClientFactory): IdentityReader {
  return {
    async whoAmI(signal) {
      try {
        const sts = await factory.sts();
        const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
        const result = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
        return { account: result.Account ?? '?', arn: result.Arn ?? '?', userId: result.UserId ?? '?' };
      } catch (error) {
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
