/**
 * A run belongs to the account it was planned in: its journal holds IDs of
 * that account, and its tokens and tags only find resources there. Run or
 * cleaned up under another account's credentials, it would make fresh
 * copies (or fail on every ID), so it is refused before any write.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { toAwsError } from '../../../aws/aws-errors.js';
import { isAbortError, UserError } from '../../../lib/errors.js';
import type { Journal } from '../run-types.js';

export class AccountMismatchError extends UserError {
  override readonly name = 'AccountMismatchError';
}

/** The account of the factory's credentials. */
export async function currentAccount(
  factory: AwsClientFactory,
): Promise<string | undefined> {
  try {
    const sts = await factory.sts();
    return (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw toAwsError(error, {
      profile: factory.settings.profile,
      action: 'sts:GetCallerIdentity',
      endpoint: factory.settings.endpoint,
    });
  }
}

/** The refusal, naming both accounts; undefined when they agree or the run's is unknown. */
export function accountMismatch(
  journal: Journal,
  account: string | undefined,
  profile: string | undefined,
  what = 'resumed',
): AccountMismatchError | undefined {
  // Runs planned without a known account (none today) cannot be checked.
  if (journal.account === undefined || account === journal.account)
    return undefined;
  return new AccountMismatchError(
    `run ${journal.runId} belongs to account ${journal.account}, but ${profile === undefined ? 'the credentials in use are' : `profile ${profile} is`} account ${account ?? 'unknown'}: it is not ${what} there`,
    {
      hint: `use a profile of account ${journal.account} (--profile, or :profile in the console); under another account the run would start fresh copies`,
    },
  );
}

/** Throws AccountMismatchError unless the credentials are those of the run's account. */
export async function checkRunAccount(
  factory: AwsClientFactory,
  journal: Journal,
  what?: string,
): Promise<void> {
  if (journal.account === undefined) return;
  const refused = accountMismatch(
    journal,
    await currentAccount(factory),
    factory.settings.profile,
    what,
  );
  if (refused !== undefined) throw refused;
}
