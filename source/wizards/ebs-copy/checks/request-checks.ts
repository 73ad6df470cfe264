/**
 * Checks of the request itself, before any call: IDs, region codes, a zone
 * of the target region, a KMS key usable there, a device name. Each failure
 * is a blocker problem, so screens and the subcommand show them alike.
 */
import { UserError } from '../../../lib/errors.js';
import {
  checkDevice,
  checkId,
  checkInstanceId,
  checkRegion,
  checkVolumeType,
  checkZone,
  type IdPrefix,
} from '../../../aws/ec2/validate.js';
import { checkKmsKeyId } from './kms-key.js';
import { bucketNameChecks } from '../bucket/bucket-request.js';
import type { CopyRequest, Problem } from '../types.js';

const PREFIX: Readonly<
  Record<Exclude<CopyRequest['source']['kind'], 'bucket'>, IdPrefix>
> = {
  instance: 'i',
  volume: 'vol',
  snapshot: 'snap',
  image: 'ami',
};

export function checkRequest(request: CopyRequest): Problem[] {
  const problems: Problem[] = [];
  const check = (code: string, run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push({
        severity: 'blocker',
        code,
        message: error.message,
        fix: error.hint ?? 'correct the value',
      });
    }
  };
  const { kind } = request.source;
  if (kind === 'bucket') problems.push(...bucketNameChecks(request));
  else check('source-id', () => checkId(PREFIX[kind], request.source.id));
  check('source-region', () => checkRegion(request.source.region));
  check('target-region', () => checkRegion(request.target.region));
  if (request.target.region === request.source.region)
    problems.push({
      severity: 'blocker',
      code: 'same-region',
      message: `the source and the target are both ${request.target.region}`,
      fix: 'choose another target region; within a region, create a volume from a snapshot instead',
    });
  if (
    request.registerFromSnapshots === true &&
    request.source.kind !== 'image' &&
    request.source.kind !== 'instance'
  )
    problems.push({
      severity: 'blocker',
      code: 'register',
      message: `a ${request.source.kind} has no image to register`,
      fix: 'registering from snapshots applies to an image or an instance',
    });
  if (request.target.az !== undefined)
    check('zone', () =>
      checkZone(request.target.az ?? '', request.target.region),
    );
  if (request.target.encryption.mode === 'kms') {
    const { keyId } = request.target.encryption;
    check('kms-key', () => checkKmsKeyId(keyId, request.target.region));
  }
  if (request.volumeType !== undefined)
    check('volume-type', () => checkVolumeType(request.volumeType ?? ''));
  if (request.attachTo !== undefined) {
    const { instanceId, device } = request.attachTo;
    check('attach-target', () => checkInstanceId(instanceId));
    check('attach-device', () => checkDevice(device));
    if (request.source.kind !== 'volume')
      problems.push({
        severity: 'blocker',
        code: 'attach-target',
        message: 'only a copied volume can be attached',
        fix: 'leave out the attach',
      });
  }
  if (request.tags.mode === 'only' && request.tags.keys.length === 0)
    problems.push({
      severity: 'blocker',
      code: 'tags',
      message: 'no tag keys chosen to carry',
      fix: 'name the keys, or carry all or none',
    });
  if (
    request.waitTimeoutMinutes !== undefined &&
    !(request.waitTimeoutMinutes > 0)
  )
    problems.push({
      severity: 'blocker',
      code: 'timeout',
      message: 'the wait timeout must be a positive number of minutes',
      fix: 'give e.g. 360 for six hours',
    });
  return problems;
}
