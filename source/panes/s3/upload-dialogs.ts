/** What aborting pending multipart uploads asks. Pure. */
import { formatBytes } from '../../lib/byte-size.js';
import type { PendingUpload } from '../../aws/s3/pending-uploads.js';
import { wholeNumber, type FormSpec } from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';

/** Typed confirmation (the bucket's name): the parts are gone for good. */
export function abortUploadsRequest(
  bucket: string,
  uploads: readonly PendingUpload[],
): ConfirmRequest {
  const bytes = uploads.reduce((sum, upload) => sum + upload.bytes, 0);
  return {
    level: 'typed',
    title: `Abort ${uploads.length} upload${uploads.length === 1 ? '' : 's'} in ${bucket}`,
    targets: uploads.map(
      (upload) =>
        `${upload.key}  ${upload.parts} parts, ${formatBytes(upload.bytes)}`,
    ),
    warnings: [
      `The ${formatBytes(bytes)} of parts they hold are deleted; an upload that is still running fails.`,
    ],
    expected: bucket,
    action: 'Abort',
  };
}

export const olderThanForm: FormSpec = {
  title: 'Abort the uploads started more than N days ago',
  submitLabel: 'Continue',
  fields: [
    {
      name: 'days',
      label: 'Days',
      initial: '7',
      hint: 'uploads still running are usually younger than a day',
      validate: (value) => {
        const days = wholeNumber(value);
        return days === undefined || Number.isNaN(days)
          ? 'a whole number of days, e.g. 7'
          : undefined;
      },
    },
  ],
};
