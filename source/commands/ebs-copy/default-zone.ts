/**
 * The zone `opsdeck ebs-copy --volume` creates the copy in when --az is not
 * given: the source volume's zone letter in the target region when that zone
 * is available there (us-west-2b -> ap-southeast-2b), else the target's first
 * available zone. The command says which, and --az still chooses.
 */
import { DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../../aws/client-factory.js';
import type { EbsCopyEngine } from '../../wizards/ebs-copy/engine.js';
import type { CopyRequest } from '../../wizards/ebs-copy/types.js';

export interface ChosenZone {
  readonly zone: string;
  readonly why: string;
}

/** Pure: the zone and why, from the source's zone and the target's available zones. */
export function pickZone(
  source: { readonly region: string; readonly zone: string | undefined },
  targetRegion: string,
  zones: readonly string[],
): ChosenZone | undefined {
  const letter =
    source.zone?.startsWith(source.region) === true
      ? source.zone.slice(source.region.length)
      : undefined;
  const same = letter === undefined ? undefined : `${targetRegion}${letter}`;
  if (same !== undefined && zones.includes(same))
    return {
      zone: same,
      why: `the zone letter of the source (${source.zone ?? ''})`,
    };
  const first = zones[0];
  if (first === undefined) return undefined;
  return {
    zone: first,
    why:
      same === undefined
        ? `the first available zone of ${targetRegion}`
        : `the first available zone of ${targetRegion} (${same} is not available)`,
  };
}

/**
 * The request with a zone chosen for a volume copy that has none; the same
 * request when one is given or none can be found (the pre-flight then says why).
 */
export async function withDefaultZone(
  request: CopyRequest,
  factory: AwsClientFactory,
  engine: Pick<EbsCopyEngine, 'zones'>,
): Promise<{ request: CopyRequest; chosen?: ChosenZone }> {
  if (request.source.kind !== 'volume' || request.target.az !== undefined)
    return { request };
  const zones = await engine.zones(request.target.region).catch(() => []);
  const client = await factory.ec2(request.source.region);
  const sourceZone = await client
    .send(new DescribeVolumesCommand({ VolumeIds: [request.source.id] }))
    .then((found) => found.Volumes?.[0]?.AvailabilityZone)
    .catch(() => undefined);
  const chosen = pickZone(
    { region: request.source.region, zone: sourceZone },
    request.target.region,
    zones,
  );
  if (chosen === undefined) return { request };
  return {
    request: { ...request, target: { ...request.target, az: chosen.zone } },
    chosen,
  };
}
