/**
 * KMS key IDs checked before any call. @aws-sdk/client-kms is not a
 * dependency, so existence is checked by EC2 itself: a DryRun copy with the
 * key (see dry-runs.ts); here only the form and the region are checked.
 */
import { UserError } from '../../../lib/errors.js';

const KEY_ID =
  /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS = /^alias\/[A-Za-z0-9/_-]{1,250}$/;
const ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/;

/** Throws unless `keyId` looks like a key ID, alias or ARN usable in `region`. */
export function checkKmsKeyId(keyId: string, region: string): string {
  if (KEY_ID.test(keyId) || ALIAS.test(keyId)) return keyId;
  const arn = ARN.exec(keyId);
  if (arn === null)
    throw new UserError(`"${keyId}" is not a KMS key ID, alias or ARN`, {
      hint: 'use a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), alias/name, or a key or alias ARN',
    });
  const rest = arn[3] ?? '';
  if (rest.startsWith('key/') && !KEY_ID.test(rest.slice(4)))
    throw new UserError(`"${keyId}" does not end in a KMS key ID`, {
      hint: 'a key ARN ends in key/ followed by the key ID',
    });
  if (arn[1] !== region)
    throw new UserError(
      `KMS key ${keyId} is in ${arn[1] ?? '?'}, not in ${region}`,
      {
        hint: `KMS keys are regional: give a key of ${region} (or a replica of a multi-Region key there)`,
      },
    );
  return keyId;
}

/** Errors EC2 gives when a KMS key cannot be used: missing, disabled, or not allowed. */
export function kmsProblem(
  code: string,
  message: string,
): 'missing' | 'denied' | undefined {
  const text = `${code} ${message}`;
  if (!/kms/i.test(text)) return undefined;
  if (/denied|not authori[sz]ed|access|permission|grant/i.test(text))
    return 'denied';
  if (
    /not ?found|does not exist|invalid|unknown|disabled|pending deletion/i.test(
      text,
    )
  )
    return 'missing';
  return undefined;
}
