import { describe, expect, it } from 'vitest';
import { parseListPage } from '../../../source/aws/s3/direct-list.js';

const page = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</ListBucketResult>`;
const object = (key: string, extra = '') =>
  `<Contents><Key>${key}</Key><LastModified>2026-12-06T12:59:04.000Z</LastModified><ETag>&quot;e13997a8e66daccbec904740e4d47466&quot;</ETag><Size>4096</Size><StorageClass>STANDARD</StorageClass>${extra}</Contents>`;

describe('a ListObjectsV2 page read around the SDK', () => {
  it('reads keys, sizes, times, ETags and the continuation, entities decoded, nothing trimmed', () => {
    const parsed = parseListPage(
      page(
        `<Name>b</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>` +
          object('p/a &amp; b &lt;c&gt; &#34;d&#x27; ') +
          object('p/caf\u00e9/\u{1F600}*.txt', '<Owner><ID>x</ID></Owner>') +
          '<NextContinuationToken>tok&amp;en</NextContinuationToken>',
      ),
    );
    expect(parsed).toEqual({
      Contents: [
        {
          Key: `p/a & b <c> "d' `,
          Size: 4096,
          LastModified: new Date('2026-12-06T12:59:04.000Z'),
          ETag: '"e13997a8e66daccbec904740e4d47466"',
          StorageClass: 'STANDARD',
        },
        expect.objectContaining({ Key: 'p/caf\u00e9/\u{1F600}*.txt' }),
      ],
      IsTruncated: true,
      NextContinuationToken: 'tok&en',
    });
  });

  it('reads an empty, final page', () => {
    expect(
      parseListPage(page('<Name>b</Name><IsTruncated>false</IsTruncated>')),
    ).toEqual({
      Contents: [],
      IsTruncated: false,
      NextContinuationToken: undefined,
    });
  });

  it('leaves to the SDK what its reader would read differently, and errors', () => {
    for (const odd of [
      page(object('<![CDATA[x]]>')),
      page(object('a\r\nb')),
      page(object('a &nbsp; b')),
      page(`<!-- note -->${object('a')}`),
      page(object('\n ')),
      page(`<Contents><Key>a</Key>`),
      '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>',
    ])
      expect(parseListPage(odd)).toBeUndefined();
  });
});
