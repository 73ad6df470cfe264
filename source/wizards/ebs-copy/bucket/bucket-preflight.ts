/**
 * Pre-flight of a bucket source: where the bucket is, what configuration it
 * has, what copying its contents costs (one listing of the source), and
 * whether the target name keeps the naming rules and is free. Reads only.
 */
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import {
  checkTargetName,
  readBucketConfig,
} from '../../../aws/s3/bucket-config/bucket-config.js';
import { bucketRegion } from '../../../aws/s3/buckets.js';
import { s3Call, s3Context } from '../../../aws/s3/s3-errors.js';
import { formatBytes } from '../../../lib/byte-size.js';
import {
  COPY_OBJECT_LIMIT,
  copyRequests,
} from '../../../s3sync/copy/copy-parts.js';
import { blocker, warning } from '../checks/problems.js';
import { bucketConfigPlan, targetBucketName } from './bucket-plan.js';
import type { CopyRequest, Problem, SourceFacts } from '../types.js';

/** Parts in flight the contents copy uses; the request count follows the part size it picks. */
const PARTS_IN_FLIGHT = 16;

interface Contents {
  readonly objects: number;
  readonly bytes: number;
  readonly copyRequests: number;
  readonly listRequests: number;
}

async function countContents(
  factory: AwsClientFactory,
  bucket: string,
  region: string,
  signal: AbortSignal,
): Promise<Contents> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = await factory.s3(region);
  const cut = { threshold: COPY_OBJECT_LIMIT, parallel: PARTS_IN_FLIGHT };
  let objects = 0;
  let bytes = 0;
  let requests = 0;
  let lists = 0;
  let token: string | undefined;
  do {
    const page = await s3Call(s3Context(factory, 'ListObjectsV2', bucket), () =>
      client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        { abortSignal: signal },
      ),
    );
    lists++;
    for (const object of page.Contents ?? []) {
      const size = object.Size ?? 0;
      objects++;
      bytes += size;
      requests += copyRequests(size, cut);
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return { objects, bytes, copyRequests: requests, listRequests: lists };
}

export interface BucketFound {
  readonly facts?: SourceFacts;
  readonly problems: Problem[];
}

export async function describeBucketSource(
  factory: AwsClientFactory,
  request: CopyRequest,
  signal: AbortSignal = new AbortController().signal,
): Promise<BucketFound> {
  const bucket = request.source.id;
  const problems: Problem[] = [];
  const region = await bucketRegion(
    factory,
    await factory.s3(),
    bucket,
    signal,
  );
  if (region !== request.source.region)
    return {
      problems: [
        blocker(
          'source-region',
          `s3://${bucket} is in ${region}, not ${request.source.region}`,
          `choose it again from the list, or give --source-region ${region}`,
        ),
      ],
    };
  if (region === request.target.region) return { problems };
  const [configuration, contents] = await Promise.all([
    readBucketConfig(factory, bucket, signal),
    countContents(factory, bucket, region, signal),
  ]);
  const target = targetBucketName(request);
  const name = await checkTargetName(factory, target, signal);
  if (!name.usable)
    problems.push(
      blocker(
        'target-name',
        `the bucket name ${target} cannot be used: ${name.why}`,
        'choose another name (o, the new bucket field; --target-bucket)',
      ),
    );
  else if (name.exists)
    problems.push(
      blocker(
        'target-exists',
        `bucket ${target} exists already`,
        'choose a new name: the run makes its own bucket, so that a resumed run knows the bucket is its own',
      ),
    );
  const tags = Object.fromEntries(
    (configuration.tags ?? []).map((tag): [string, string] => [
      tag.Key ?? '',
      tag.Value ?? '',
    ]),
  );
  const facts: SourceFacts = {
    kind: 'bucket',
    id: bucket,
    region,
    name: bucket,
    state: 'exists',
    sizeGiB: Math.round((contents.bytes / 2 ** 30) * 10) / 10,
    encrypted: configuration.encryption !== undefined,
    tags,
    bucket: { configuration, items: [], ...contents },
  };
  const plan = bucketConfigPlan(request, facts);
  const skip = new Set(request.bucket?.skip ?? []);
  for (const step of plan.steps)
    if (step.warning !== undefined && !skip.has(step.item))
      problems.push(
        warning(
          `config-${step.item}`,
          `${step.title} is not copied: ${step.warning}`,
          '',
        ),
      );
  problems.push({
    severity: 'info',
    code: 'size',
    message: `${contents.objects.toLocaleString('en-US')} objects, ${formatBytes(contents.bytes)} to copy server-side (no byte passes through opsdeck)`,
    fix: 'the run can be left and resumed: the copy step copies only what differs',
  });
  if (configuration.versioning === 'Enabled')
    problems.push({
      severity: 'info',
      code: 'versions',
      message: 'only the current version of each object is copied',
      fix: 'older versions and delete markers stay in the source bucket',
    });
  return {
    problems,
    facts: {
      ...facts,
      bucket: {
        ...(facts.bucket ?? { configuration, ...contents }),
        items: plan.steps.map((step) => step.item),
      },
    },
  };
}
