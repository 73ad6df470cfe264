/**
 * ETags computed locally, for --checksum. A single-part ETag is the MD5 of
 * the object; a multipart ETag is the MD5 of the parts' MD5s followed by
 * `-N`. The part size is not stored anywhere a listing shows, so the
 * candidates that give N parts for this size are all tried in one read.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const MiB = 1024 * 1024;

/** Part sizes in use by common tools: opsdeck and aws (8 MiB), s3cmd (15), rclone (5), mc (16), s5cmd (50). */
const COMMON_PART_SIZES = [8, 5, 15, 16, 50, 64, 100, 128].map(
  (size) => size * MiB,
);

export function partCountOf(etag: string): number | undefined {
  const match = /-(\d+)"?$/.exec(etag);
  return match ? Number(match[1]) : undefined;
}

export function normaliseEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '').toLowerCase();
}

/** Part sizes that split `size` bytes into exactly `parts` parts. */
export function candidatePartSizes(size: number, parts: number): number[] {
  const fits = (partSize: number) => Math.ceil(size / partSize) === parts;
  const candidates = COMMON_PART_SIZES.filter(fits);
  // The smallest whole MiB that gives `parts` parts (what auto-sizing tools pick).
  const byMib = Math.ceil(size / parts / MiB) * MiB;
  if (fits(byMib) && !candidates.includes(byMib)) candidates.push(byMib);
  return candidates;
}

/** The multipart ETag a file would get with this part size (no quotes). */
class PartHasher {
  private part: Hash = createHash('md5');
  private inPart = 0;
  private readonly digests: Buffer[] = [];
  constructor(private readonly partSize: number) {}
  update(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.partSize - this.inPart, chunk.length - offset);
      this.part.update(chunk.subarray(offset, offset + take));
      this.inPart += take;
      offset += take;
      if (this.inPart === this.partSize) this.finishPart();
    }
  }
  private finishPart(): void {
    this.digests.push(this.part.digest());
    this.part = createHash('md5');
    this.inPart = 0;
  }
  result(): string {
    if (this.inPart > 0 || this.digests.length === 0) this.finishPart();
    const whole = createHash('md5')
      .update(Buffer.concat(this.digests))
      .digest('hex');
    return `${whole}-${this.digests.length}`;
  }
}

/**
 * The local file's ETag in the form of `remoteEtag`: plain MD5, or the
 * multipart ETag for the candidate part size that matches (the first
 * candidate's when none does). Undefined for an ETag that is neither (SSE-KMS).
 */
export async function localEtagLike(
  path: string,
  size: number,
  remoteEtag: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const wanted = normaliseEtag(remoteEtag);
  const parts = partCountOf(wanted);
  if (parts === undefined && !/^[0-9a-f]{32}$/.test(wanted)) return undefined;
  const md5 = parts === undefined ? createHash('md5') : undefined;
  const hashers =
    parts === undefined
      ? []
      : candidatePartSizes(size, parts).map(
          (partSize) => new PartHasher(partSize),
        );
  if (parts !== undefined && hashers.length === 0) return undefined;
  const stream = createReadStream(path, {
    highWaterMark: MiB,
    ...(signal ? { signal } : {}),
  });
  for await (const chunk of stream) {
    md5?.update(chunk as Buffer);
    for (const hasher of hashers) hasher.update(chunk as Buffer);
  }
  if (md5) return md5.digest('hex');
  const results = hashers.map((hasher) => hasher.result());
  return results.find((result) => result === wanted) ?? results[0];
}
