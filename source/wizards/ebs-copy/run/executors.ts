/** Which function carries out each kind of step. */
import type { StepContext } from './step-context.js';
import { checkImage } from '../steps/steps-check.js';
import { copyImage, createImage, stopSource } from '../steps/steps-image.js';
import { copySecurityGroups } from '../steps/steps-groups.js';
import { importKey } from '../steps/steps-key.js';
import { copySnapshots, registerImage } from '../steps/steps-register.js';
import { elasticIp, runInstance } from '../steps/steps-launch.js';
import {
  attachVolume,
  copySnapshot,
  createVolume,
  snapshotSource,
} from '../steps/steps-volume.js';
import {
  applyConfigItem,
  copyContents,
  createBucket,
} from '../steps/steps-bucket.js';
import type { StepKind } from '../run-types.js';

export const EXECUTORS: Readonly<
  Record<StepKind, (context: StepContext) => Promise<void>>
> = {
  'stop-source': stopSource,
  'snapshot-source': snapshotSource,
  'copy-snapshot': copySnapshot,
  'create-volume': createVolume,
  'attach-volume': attachVolume,
  'create-image': createImage,
  'copy-image': copyImage,
  'copy-snapshots': copySnapshots,
  'register-image': registerImage,
  'check-image': checkImage,
  'import-key': importKey,
  'copy-security-groups': copySecurityGroups,
  'run-instance': runInstance,
  'elastic-ip': elasticIp,
  'create-bucket': createBucket,
  'bucket-versioning': applyConfigItem,
  'bucket-encryption': applyConfigItem,
  'bucket-lifecycle': applyConfigItem,
  'bucket-cors': applyConfigItem,
  'bucket-tags': applyConfigItem,
  'bucket-public-access-block': applyConfigItem,
  'bucket-policy': applyConfigItem,
  'copy-contents': copyContents,
};
