/**
 * What a bucket-to-bucket copy will cost, counted as the plan streams: the
 * objects and bytes to copy, the requests (copy and list calls), and, when
 * the buckets are in different regions, the bytes AWS bills as inter-region
 * transfer. Other offers (handing a big copy to AWS) decide on these.
 */
import { copyRequests, type CopyCut } from './copy-parts.js';

export interface BucketCopyTotals {
  /** Objects the plan copies. */
  readonly objects: number;
  readonly bytes: number;
  readonly crossRegion: boolean;
  readonly sourceRegion: string;
  readonly destinationRegion: string;
  /** CopyObject, or CreateMultipartUpload + UploadPartCopy + Complete. */
  readonly copyRequests: number;
  /** ListObjectsV2 calls made on both buckets to plan. */
  readonly listRequests: number;
  /** Bytes billed as data transfer between regions (0 within one region). */
  readonly transferBilledBytes: number;
}

export interface CopyTotalsCounter {
  readonly add: (size: number) => void;
  readonly listed: () => void;
  readonly totals: () => BucketCopyTotals;
}

export function countCopyTotals(
  regions: { readonly source: string; readonly destination: string },
  cut: CopyCut,
): CopyTotalsCounter {
  const crossRegion = regions.source !== regions.destination;
  let objects = 0;
  let bytes = 0;
  let requests = 0;
  let lists = 0;
  return {
    add: (size) => {
      objects++;
      bytes += size;
      requests += copyRequests(size, cut);
    },
    listed: () => {
      lists++;
    },
    totals: () => ({
      objects,
      bytes,
      crossRegion,
      sourceRegion: regions.source,
      destinationRegion: regions.destination,
      copyRequests: requests,
      listRequests: lists,
      transferBilledBytes: crossRegion ? bytes : 0,
    }),
  };
}
