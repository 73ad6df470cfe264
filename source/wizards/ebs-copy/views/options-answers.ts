/** The options form's answers as draft options: the reverse of options-view.ts. Pure. */
import { isOn, type FormValues } from '../../../lib/form.js';
import { bucketAnswers } from './bucket-fields.js';
import type { Draft } from './draft.js';
import { AS_SOURCE, CONSISTENCY, tagKeys } from './options-view.js';
import { DEFAULT_SUBNET, NONE } from './placement-fields.js';
import type { Encryption, TagChoice } from '../types.js';

export type DraftOptions = Partial<Omit<Draft, 'source' | 'targetRegion'>>;

export function draftOptions(draft: Draft, values: FormValues): DraftOptions {
  if (draft.source?.kind === 'bucket') return bucketAnswers(values);
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
    const attach = values['attachTo'];
    return {
      ...options,
      volumeType: type === undefined || type === AS_SOURCE ? undefined : type,
      // Without the field (no zone listing) the earlier choice stays.
      attachTo:
        attach === undefined
          ? draft.attachTo
          : attach === NONE
            ? undefined
            : { instanceId: attach, device: (values['device'] ?? '').trim() },
    };
  }
  const register = { registerFromSnapshots: isOn(values, 'register') };
  if (kind === 'image') return { ...options, ...register };
  if (kind === 'instance') {
    const subnet = values['subnet'];
    const { subnetId: _old, ...instance } = draft.instance;
    return {
      ...options,
      ...register,
      instance: {
        ...(subnet === undefined ? draft.instance : instance),
        ...(subnet === undefined || subnet === DEFAULT_SUBNET
          ? {}
          : { subnetId: subnet }),
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
  }
  return options;
}
