/**
 * Failures particular to cross-region copies, as messages that say why and
 * what to do; everything else goes through the EC2 layer's own mapping.
 */
import { isAbortError, UserError } from '../../../lib/errors.js';
import {
  ec2ErrorCode,
  toEc2Error,
  type Ec2Context,
} from '../../../aws/ec2/ec2-errors.js';
import { kmsProblem } from './kms-key.js';

export class ProductCodeError extends UserError {
  override readonly name = 'ProductCodeError';
}

function productCodeBlock(message: string): boolean {
  return /product ?code|marketplace/i.test(message);
}

export function toCopyError(
  error: unknown,
  context: Ec2Context,
  resume: string,
): unknown {
  if (isAbortError(error) || error instanceof UserError) return error;
  const code = ec2ErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ResourceLimitExceeded')
    return new UserError(
      `${context.region} refuses more copies for now (${context.action}: ${message || code})`,
      {
        hint: `AWS runs at most 20 snapshot copies (100 image copies) into a region at once; wait for some to finish, then ${resume}`,
        cause: error,
      },
    );
  const kms = kmsProblem(code, message);
  if (kms === 'denied')
    return new UserError(
      `KMS refused the key for ${context.action} in ${context.region}: ${message}`,
      {
        hint: 'grant kms:CreateGrant, kms:Decrypt, kms:ReEncrypt* and kms:GenerateDataKeyWithoutPlaintext on the source and target keys, or choose another key',
        cause: error,
      },
    );
  if (kms === 'missing')
    return new UserError(
      `the KMS key cannot be used in ${context.region}: ${message}`,
      {
        hint: `give a key that exists and is enabled in ${context.region} (aws kms list-aliases --region ${context.region})`,
        cause: error,
      },
    );
  if (context.action === 'ec2:CopyImage' && productCodeBlock(message))
    return new ProductCodeError(`the image cannot be copied: ${message}`, {
      hint: 'images with AWS Marketplace product codes shared from another account cannot be copied; launch it in this account and image that instance',
      cause: error,
    });
  return toEc2Error(error, context);
}
