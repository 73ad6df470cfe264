/**
 * The wizard's options as a form (encryption, tags, volume type, and for an
 * instance how to image it and what to recreate), and the form's answers as
 * draft options. Pure.
 */
import { VOLUME_SIZES } from '../../aws/ec2/validate.js';
import {
  checked,
  isOn,
  NO,
  YES,
  type FormSpec,
  type FormValues,
} from '../../form.js';
import { checkKmsKeyId } from './kms-key.js';
import type { Consistency, Encryption, TagChoice } from './types.js';
import type { Draft } from './wizard-state.js';

const ENCRYPTION = ['keep', 'default', 'kms'] as const;
const TAGS = ['all', 'none', 'only'] as const;
const CONSISTENCY: readonly Consistency[] = [
  'reboot',
  'stop-first',
  'no-reboot',
];
const AS_SOURCE = 'as source';

const yesNo = (on: boolean) => (on ? YES : NO);

function tagKeys(text: string): string[] {
  return text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

export function optionsForm(draft: Draft): FormSpec {
  const region = draft.targetRegion ?? '';
  const encryption = draft.encryption;
  const kind = draft.source?.kind;
  const fields: FormSpec['fields'][number][] = [
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
  }
  return { title: 'Region copy options', submitLabel: 'Keep', fields };
}

export type DraftOptions = Partial<Omit<Draft, 'source' | 'targetRegion'>>;

export function draftOptions(draft: Draft, values: FormValues): DraftOptions {
  const mode = values['encryption'] ?? 'keep';
  const encryption: Encryption =
    mode === 'kms'
      ? { mode: 'kms', keyId: (values['kmsKey'] ?? '').trim() }
      : mode === 'default'
        ? { mode: 'default' }
        : { mode: 'keep' };
  const tagMode = values['tags'] ?? 'all';
  const tags: TagChoice =
    tagMode === 'only'
      ? { mode: 'only', keys: tagKeys(values['tagKeys'] ?? '') }
      : tagMode === 'none'
        ? { mode: 'none' }
        : { mode: 'all' };
  const options: DraftOptions = { encryption, tags };
  const kind = draft.source?.kind;
  if (kind === 'volume') {
    const type = values['volumeType'];
    return type === undefined || type === AS_SOURCE
      ? { ...options, volumeType: undefined }
      : { ...options, volumeType: type };
  }
  if (kind === 'instance')
    return {
      ...options,
      instance: {
        ...draft.instance,
        consistency:
          CONSISTENCY.find((c) => c === values['consistency']) ??
          draft.instance.consistency,
        launch: isOn(values, 'launch'),
        importKeyPair: isOn(values, 'importKeyPair'),
        copySecurityGroups: isOn(values, 'copySecurityGroups'),
        elasticIp: isOn(values, 'elasticIp'),
      },
    };
  return options;
}
