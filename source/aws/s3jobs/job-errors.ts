/** Errors of the copy engines, in words a sysadmin can act on. */
import { UserError } from '../../lib/errors.js';
import { toAwsError } from '../aws-errors.js';
import type { AwsSessionSettings } from '../client-factory.js';

export function jobError(
  error: unknown,
  action: string,
  settings: AwsSessionSettings,
): Error {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotFoundException' || name === 'NoSuchJob')
    return new UserError(`no such copy job: ${message}`, {
      hint: `it may belong to another region than ${settings.region}; pass --region`,
      cause: error,
    });
  if (/role/i.test(message) && /CreateJob|CreateLocationS3/.test(action))
    return new UserError(`${action} refused the IAM role: ${message}`, {
      hint: 'check handoff.batchRoleArn / handoff.dataSyncRoleArn in config.yaml and the role trust policy (README: Handing big copies to AWS)',
      cause: error,
    });
  // An endpoint that does not implement the API answers with a web page.
  if (
    settings.endpoint !== undefined &&
    /XML parse error|Deserialization error/.test(message)
  )
    return new UserError(
      `${action}: ${settings.endpoint} did not answer it as AWS does; it may not implement it`,
      {
        hint: 'moto, MinIO and LocalStack have no S3 Batch Operations; DataSync may work there',
        cause: error,
      },
    );
  return toAwsError(error, {
    profile: settings.profile,
    action,
    endpoint: settings.endpoint,
  });
}
