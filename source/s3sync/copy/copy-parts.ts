/**
 * How a bucket-to-bucket copy of one object is cut: one CopyObject up to
 * S3's 5 GiB limit, else UploadPartCopy parts. The part size is chosen so
 * the parts of one object keep every part slot busy (about two waves) while
 * staying within S3's bounds (5 MiB to 5 GiB, at most 10,000 parts).
 */
const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
/** The largest object one CopyObject may copy. */
export const COPY_OBJECT_LIMIT = 5 * GiB;
const MIN_PART = 5 * MiB;
const MAX_PART = 5 * GiB;
const MAX_PARTS = 10_000;
/** Below this a part's request overhead outweighs its parallelism. */
const SMALLEST_CHOSEN_PART = 64 * MiB;

const wholeMiB = (bytes: number) => Math.ceil(bytes / MiB) * MiB;

/** The part size for an object of `size` bytes copied with `parallel` parts in flight. */
export function copyPartSize(
  size: number,
  parallel: number,
  wanted?: number,
): number {
  const fewestAllowed = wholeMiB(size / MAX_PARTS);
  const chosen =
    wanted ??
    Math.max(SMALLEST_CHOSEN_PART, wholeMiB(size / Math.max(1, parallel * 2)));
  return Math.min(MAX_PART, Math.max(MIN_PART, fewestAllowed, chosen));
}

export interface PartRange {
  readonly partNumber: number;
  /** Inclusive byte offsets, as CopySourceRange takes them. */
  readonly first: number;
  readonly last: number;
}

export function partRanges(size: number, partSize: number): PartRange[] {
  const ranges: PartRange[] = [];
  for (let first = 0; first < size; first += partSize)
    ranges.push({
      partNumber: ranges.length + 1,
      first,
      last: Math.min(size, first + partSize) - 1,
    });
  return ranges;
}

export interface CopyCut {
  readonly threshold: number;
  readonly parallel: number;
  readonly partSize?: number | undefined;
}

/** Copy-class requests (CopyObject, or Create + parts + Complete) one object costs. */
export function copyRequests(size: number, cut: CopyCut): number {
  if (size <= cut.threshold) return 1;
  return Math.ceil(size / copyPartSize(size, cut.parallel, cut.partSize)) + 2;
}
