/**
 * What a bucket-to-bucket copy needs to know, and the request fields every
 * kind of copy sets alike (source, storage class, encryption).
 */
import type {
  S3Client,
  ServerSideEncryption,
  StorageClass,
} from '@aws-sdk/client-s3';
import type { DirectCopier } from '../../aws/s3/direct-copy.js';
import type { Limiter } from '../../aws/s3/limiter.js';
import type { RemoteEntry } from '../plan-types.js';
import type { UploadJournal } from '../transfer/upload-journal.js';

export interface CopySettings {
  /** A client in the destination bucket's region. */
  readonly client: S3Client;
  /** A client in the source bucket's region (HEAD and tags of big objects). */
  readonly sourceClient: S3Client;
  readonly sourceBucket: string;
  readonly bucket: string;
  /** Destination prefix: '' or ending in '/'. */
  readonly prefix: string;
  /** Above this size, a multipart copy. */
  readonly threshold: number;
  /** Parts in flight, over every object. */
  readonly parts: Limiter;
  readonly partsInFlight: number;
  readonly partSize?: number | undefined;
  readonly storageClass?: string | undefined;
  readonly sse?: string | undefined;
  readonly sseKmsKeyId?: string | undefined;
  readonly journal?: UploadJournal | undefined;
  /** Whole-object copies without the SDK's per-request cost, when the endpoint allows. */
  readonly direct?: DirectCopier | undefined;
}

/** CopySource is a URL path: the key percent-encoded, its slashes kept. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
}

export const encryptionOf = (settings: CopySettings) => ({
  ...(settings.sse === undefined
    ? {}
    : { ServerSideEncryption: settings.sse as ServerSideEncryption }),
  ...(settings.sseKmsKeyId === undefined
    ? {}
    : { SSEKMSKeyId: settings.sseKmsKeyId }),
});

export const storageClassOf = (settings: CopySettings, source: RemoteEntry) => {
  const wanted = settings.storageClass ?? source.storageClass;
  return wanted === undefined ? {} : { StorageClass: wanted as StorageClass };
};
