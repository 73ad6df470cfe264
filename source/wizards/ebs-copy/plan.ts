/** The plan: which steps a request takes, and what each creates. Pure. */
import { buildBucketPlan } from './bucket/bucket-plan.js';
import type { CopyRequest, SourceFacts } from './types.js';
import type { PlanStep } from './run-types.js';

export function buildPlan(
  request: CopyRequest,
  facts: SourceFacts,
): PlanStep[] {
  if (request.source.kind === 'bucket') return buildBucketPlan(request, facts);
  const from = request.source.region;
  const to = request.target.region;
  const steps: PlanStep[] = [];
  const add = (step: PlanStep) => steps.push(step);
  const snapshot = (region: string, intermediate: boolean, note: string) => ({
    type: 'snapshot' as const,
    region,
    intermediate,
    note,
  });

  if (request.source.kind === 'volume')
    add({
      id: 'snapshot-source',
      region: from,
      title: `Snapshot ${facts.id} (${facts.sizeGiB} GiB) in ${from}`,
      creates: [snapshot(from, true, `of ${facts.id}`)],
    });
  if (request.source.kind === 'volume' || request.source.kind === 'snapshot')
    add({
      id: 'copy-snapshot',
      region: to,
      title: `Copy the snapshot to ${to}`,
      creates: [snapshot(to, request.source.kind === 'volume', 'the copy')],
    });
  if (request.source.kind === 'volume') {
    add({
      id: 'create-volume',
      region: to,
      title: `Create a ${request.volumeType ?? facts.volumeType ?? 'gp3'} volume in ${request.target.az ?? '?'}`,
      creates: [
        {
          type: 'volume',
          region: to,
          intermediate: false,
          note: `in ${request.target.az ?? '?'}`,
        },
      ],
    });
    if (request.attachTo !== undefined)
      add({
        id: 'attach-volume',
        region: to,
        title: `Attach it to ${request.attachTo.instanceId} as ${request.attachTo.device}`,
        creates: [],
      });
  }

  if (request.source.kind === 'instance') {
    const options = request.instance;
    if (options?.consistency === 'stop-first' && facts.state === 'running')
      add({
        id: 'stop-source',
        region: from,
        title: `Stop ${facts.id} in ${from}`,
        creates: [],
      });
    add({
      id: 'create-image',
      region: from,
      title: `Image ${facts.id}${options?.consistency === 'no-reboot' ? ' without reboot' : facts.state === 'running' && options?.consistency !== 'stop-first' ? ' (reboots it)' : ''}`,
      creates: [
        {
          type: 'image',
          region: from,
          intermediate: true,
          note: `of ${facts.id}`,
        },
        snapshot(from, true, 'one per volume, behind the image'),
      ],
    });
  }
  if (
    (request.source.kind === 'instance' || request.source.kind === 'image') &&
    request.registerFromSnapshots === true
  ) {
    add({
      id: 'copy-snapshots',
      region: to,
      title: `Copy the image's snapshots to ${to}`,
      creates: [snapshot(to, false, 'one per volume, behind the new image')],
    });
    add({
      id: 'register-image',
      region: to,
      title: `Register an image from the copies in ${to}`,
      creates: [
        {
          type: 'image',
          region: to,
          intermediate: false,
          note: 'same architecture, boot mode, ENA and devices',
        },
      ],
    });
  } else if (
    request.source.kind === 'instance' ||
    request.source.kind === 'image'
  )
    add({
      id: 'copy-image',
      region: to,
      title: `Copy the image to ${to}`,
      creates: [
        { type: 'image', region: to, intermediate: false, note: 'the copy' },
        snapshot(to, false, 'one per volume, behind the copy'),
      ],
    });
  if (request.source.kind === 'instance' || request.source.kind === 'image') {
    add({
      id: 'check-image',
      region: to,
      title:
        'Check architecture, virtualization, ENA, boot mode and billing of the copy',
      creates: [],
    });
  }
  const options = request.instance;
  if (request.source.kind === 'instance' && options?.launch === true) {
    if (options.importKeyPair && facts.keyName !== undefined)
      add({
        id: 'import-key',
        region: to,
        title: `Import key pair ${facts.keyName} (public key only)`,
        creates: [
          {
            type: 'key-pair',
            region: to,
            intermediate: false,
            note: facts.keyName,
          },
        ],
      });
    if (options.copySecurityGroups && (facts.securityGroupIds?.length ?? 0) > 0)
      add({
        id: 'copy-security-groups',
        region: to,
        title: `Recreate ${facts.securityGroupIds?.length ?? 0} security group(s) with their rules`,
        creates: (facts.securityGroupIds ?? []).map((id) => ({
          type: 'security-group' as const,
          region: to,
          intermediate: false,
          note: `like ${id}`,
        })),
      });
    add({
      id: 'run-instance',
      region: to,
      title: `Launch a ${facts.instanceType ?? '?'} from the copy in ${request.target.az ?? '?'}`,
      creates: [
        {
          type: 'instance',
          region: to,
          intermediate: false,
          note: `${facts.instanceType ?? '?'}, same user data and tags`,
        },
        {
          type: 'volume',
          region: to,
          intermediate: false,
          note: 'its volumes, from the image',
        },
      ],
    });
    if (options.elasticIp)
      add({
        id: 'elastic-ip',
        region: to,
        title:
          'Allocate an Elastic IP and associate it (a new address: update DNS)',
        creates: [
          {
            type: 'elastic-ip',
            region: to,
            intermediate: false,
            note: 'a new public address',
          },
        ],
      });
  }
  return steps;
}
