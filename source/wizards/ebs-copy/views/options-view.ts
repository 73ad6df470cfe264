/**
 * The wizard's options as a form (encryption, tags, volume type, and for an
 * instance how to image it and what to recreate; the target zone's fields
 * come from placement-fields.ts). Its answers are read in options-answers.ts.
 * Pure.
 */
import { VOLUME_SIZES } from '../../../aws/ec2/validate.js';
import {
  checked,
  NO,
  YES,
  type FormField,
  type FormSpec,
} from '../../../lib/form.js';
import { checkKmsKeyId } from '../checks/kms-key.js';
import { bucketFields } from './bucket-fields.js';
import { attachFields, subnetField } from './placement-fields.js';
import type { Placement } from '../checks/target-placement.js';
import type { Consistency } from '../types.js';
import type { Draft } from './draft.js';

const ENCRYPTION = ['keep', 'default', 'kms'] as const;
const TAGS = ['all', 'none', 'only'] as const;
export const CONSISTENCY: readonly Consistency[] = [
  'reboot',
  'stop-first',
  'no-reboot',
];
export const AS_SOURCE = 'as source';

const yesNo = (on: boolean) => (on ? YES : NO);

export function tagKeys(text: string): string[] {
  return text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

export function optionsForm(draft: Draft, placement?: Placement): FormSpec {
  const region = draft.targetRegion ?? '';
  const encryption = draft.encryption;
  const kind = draft.source?.kind;
  if (kind === 'bucket')
    return {
      title: 'Bucket copy options',
      submitLabel: 'Keep',
      fields: bucketFields(draft),
    };
  const fields: FormField[] = [
    {
      name: 'encryption',
      label: 'Encryption',
      kind: 'choice',
      choices: ENCRYPTION,
      initial: encryption.mode,
      hint: 'keep: as the source; default: the target default key; kms: a key of the target',
    },
    {
      name: 'kmsKey',
      label: 'KMS key',
      initial: encryption.mode === 'kms' ? encryption.keyId : '',
      placeholder: 'key ID, alias/name or ARN (with kms)',
      validate: (value, values) =>
        values['encryption'] !== 'kms'
          ? value.trim() === ''
            ? undefined
            : 'only used with kms encryption; empty it or choose kms'
          : value.trim() === ''
            ? `a KMS key of ${region} is needed with kms`
            : checked(() => checkKmsKeyId(value.trim(), region)),
    },
    {
      name: 'tags',
      label: 'Tags to carry',
      kind: 'choice',
      choices: TAGS,
      initial: draft.tags.mode,
      hint: 'the copy always gets opsdeck:migration with the run ID',
    },
    {
      name: 'tagKeys',
      label: 'Tag keys',
      initial: draft.tags.mode === 'only' ? draft.tags.keys.join(', ') : '',
      placeholder: 'Name, env (with only)',
      validate: (value, values) =>
        values['tags'] === 'only' && tagKeys(value).length === 0
          ? 'name the tag keys to carry, separated by commas'
          : undefined,
    },
  ];
  if (kind === 'volume')
    fields.push({
      name: 'volumeType',
      label: 'Volume type',
      kind: 'choice',
      choices: [AS_SOURCE, ...Object.keys(VOLUME_SIZES)],
      initial: draft.volumeType ?? AS_SOURCE,
    });
  if (kind === 'volume' && placement !== undefined)
    fields.push(...attachFields(draft, placement));
  if (kind === 'instance') {
    const options = draft.instance;
    fields.push(
      {
        name: 'consistency',
        label: 'Imaging',
        kind: 'choice',
        choices: CONSISTENCY,
        initial: options.consistency,
        hint: 'reboot: consistent, a minute down; stop-first: stays stopped; no-reboot: crash-consistent, may need fsck',
      },
      {
        name: 'launch',
        label: 'Launch copy',
        kind: 'toggle',
        initial: yesNo(options.launch),
        hint: 'recreate the instance in the target zone from the copied AMI',
      },
      {
        name: 'importKeyPair',
        label: 'Key pair',
        kind: 'toggle',
        initial: yesNo(options.importKeyPair),
        hint: 'import the key pair by its public key (with launch)',
      },
      {
        name: 'copySecurityGroups',
        label: 'Sec. groups',
        kind: 'toggle',
        initial: yesNo(options.copySecurityGroups),
        hint: 'recreate them, rules rewritten to the new group IDs (with launch)',
      },
      {
        name: 'elasticIp',
        label: 'Elastic IP',
        kind: 'toggle',
        initial: yesNo(options.elasticIp),
        hint: 'allocate a new address and associate it (with launch)',
      },
    );
    if (placement !== undefined) fields.push(subnetField(draft, placement));
  }
  if (kind === 'instance' || kind === 'image')
    fields.push({
      name: 'register',
      label: 'Register',
      kind: 'toggle',
      initial: yesNo(draft.registerFromSnapshots === true),
      hint: 'copy the snapshots and register the image, where CopyImage is refused',
    });
  return { title: 'Region copy options', submitLabel: 'Keep', fields };
}
