/**
 * A ListObjectsV2 page around the SDK (direct-s3.ts), for the listings of a
 * sync: the SDK's schema-driven XML reader took about 70 ms of CPU per page
 * of 1,000 keys, more than the request itself, and a no-change sync is
 * nothing but pages. The page is read for the few fields a sync uses, with
 * the SDK's reader's own rules for text (entities decoded, nothing trimmed);
 * anything it does not expect (CDATA, comments, carriage returns, an unknown
 * entity, an error) gives undefined and the SDK lists that page instead.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createDirectS3 } from './direct-s3.js';

/** What a sync reads of a page; the SDK's answer has this shape too. */
export interface ListedPage {
  readonly Contents?:
    | readonly {
        readonly Key?: string | undefined;
        readonly Size?: number | undefined;
        readonly LastModified?: Date | undefined;
        readonly ETag?: string | undefined;
        readonly StorageClass?: string | undefined;
      }[]
    | undefined;
  readonly IsTruncated?: boolean | undefined;
  readonly NextContinuationToken?: string | undefined;
}

export interface ListInput {
  readonly bucket: string;
  readonly prefix?: string | undefined;
  readonly maxKeys: number;
  readonly startAfter?: string | undefined;
  readonly continuationToken?: string | undefined;
}

export interface DirectLister {
  /** The page; undefined when the SDK should list it instead. */
  list(input: ListInput, signal: AbortSignal): Promise<ListedPage | undefined>;
  close(): void;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]*));/g;
const UNUSUAL = /<!\[CDATA\[|<!--|\r|<Error>/;

/** Text between tags, decoded as the SDK decodes it (char codes, not points). */
function decode(text: string): string {
  return text.replace(ENTITY, (_, hex: string, dec: string, named: string) =>
    hex
      ? String.fromCharCode(parseInt(hex, 16))
      : dec
        ? String.fromCharCode(parseInt(dec, 10))
        : (ENTITIES[named] ?? ''),
  );
}

const field = (block: string, name: string): string | undefined => {
  const open = block.indexOf(`<${name}>`);
  if (open < 0) return undefined;
  const start = open + name.length + 2;
  const end = block.indexOf(`</${name}>`, start);
  return end < 0 ? undefined : decode(block.slice(start, end));
};

/** The page in a ListBucketResult; undefined for anything unexpected. */
export function parseListPage(xml: string): ListedPage | undefined {
  if (UNUSUAL.test(xml) || !xml.includes('<ListBucketResult')) return undefined;
  for (const match of xml.matchAll(ENTITY))
    if (match[3] !== undefined && !(match[3] in ENTITIES)) return undefined;
  const contents: NonNullable<ListedPage['Contents']>[number][] = [];
  const first = xml.indexOf('<Contents>');
  let at = first < 0 ? xml.length : first;
  for (;;) {
    const open = xml.indexOf('<Contents>', at);
    if (open < 0) break;
    const close = xml.indexOf('</Contents>', open);
    if (close < 0) return undefined;
    const block = xml.slice(open + 10, close);
    at = close + 11;
    const key = field(block, 'Key');
    // The SDK's reader gives '' for a text of blanks with a newline.
    if (key === undefined || (key.trim() === '' && key.includes('\n')))
      return undefined;
    const modified = field(block, 'LastModified');
    contents.push({
      Key: key,
      Size: Number(field(block, 'Size') ?? 0),
      LastModified:
        modified === undefined ? undefined : new Date(Date.parse(modified)),
      ETag: field(block, 'ETag'),
      StorageClass: field(block, 'StorageClass'),
    });
  }
  // The page's own fields, before or after its objects (stores differ).
  const outside = xml.slice(0, first < 0 ? xml.length : first) + xml.slice(at);
  const own = (name: string) => field(outside, name);
  return {
    Contents: contents,
    IsTruncated: own('IsTruncated') === 'true',
    NextContinuationToken: own('NextContinuationToken'),
  };
}

export async function createDirectLister(
  client: S3Client,
): Promise<DirectLister | undefined> {
  const direct = await createDirectS3(client);
  if (!direct) return undefined;
  /** Buckets whose listing went wrong once (another region, say): SDK from then on. */
  const refused = new Set<string>();
  return {
    async list(input, signal) {
      if (refused.has(input.bucket)) return undefined;
      const query: Record<string, string> = {
        'list-type': '2',
        'max-keys': String(input.maxKeys),
      };
      if (input.prefix) query['prefix'] = input.prefix;
      if (input.startAfter !== undefined)
        query['start-after'] = input.startAfter;
      if (input.continuationToken !== undefined)
        query['continuation-token'] = input.continuationToken;
      const chunks = await direct.send('GET', input.bucket, '', {}, signal, {
        query,
      });
      const page =
        chunks === undefined
          ? undefined
          : parseListPage(Buffer.concat(chunks).toString('utf8'));
      if (page === undefined) refused.add(input.bucket);
      return page;
    },
    close: () => direct.close(),
  };
}
