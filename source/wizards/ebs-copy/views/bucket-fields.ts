/**
 * The options form of a bucket source: the new bucket's name (the naming
 * rules checked as it is typed; whether it is free is the pre-flight's
 * question) and one toggle per configuration item, copied where the source
 * has it. Its answers back as draft options. Pure.
 */
import {
  suggestTargetName,
  type ConfigItem,
} from '../../../aws/s3/bucket-config/config-plan.js';
import { bucketNameProblems } from '../../../aws/s3/bucket-names.js';
import {
  isOn,
  NO,
  YES,
  type FormField,
  type FormValues,
} from '../../../lib/form.js';
import { CONFIG_ITEMS, CONFIG_LABELS } from '../bucket/bucket-plan.js';
import type { Draft } from './draft.js';

const field = (item: ConfigItem) => `config-${item}`;

const LABELS: Readonly<Record<ConfigItem, string>> = {
  versioning: 'Versioning',
  encryption: 'Encryption',
  lifecycle: 'Lifecycle',
  cors: 'CORS',
  tags: 'Tags',
  publicAccessBlock: 'Public block',
  policy: 'Policy',
};

export function bucketFields(draft: Draft): FormField[] {
  const source = draft.source?.id ?? '';
  const region = draft.targetRegion ?? '';
  const skip = new Set(draft.bucket?.skip ?? []);
  return [
    {
      name: 'targetBucket',
      label: 'New bucket',
      initial: draft.bucket?.targetName ?? suggestTargetName(source, region),
      hint: `made in ${region}; the pre-flight checks the name is free`,
      validate: (value) => {
        const problems = bucketNameProblems(value.trim());
        return problems.length === 0
          ? undefined
          : `it ${problems.join('; it ')}`;
      },
    },
    ...CONFIG_ITEMS.map((item): FormField => ({
      name: field(item),
      label: LABELS[item],
      kind: 'toggle',
      initial: skip.has(item) ? NO : YES,
      hint:
        item === 'policy'
          ? "copied where the source has one, its own bucket's ARN rewritten to the new one"
          : `copy the source's ${CONFIG_LABELS[item]}, where it has any`,
    })),
  ];
}

export function bucketAnswers(values: FormValues): Pick<Draft, 'bucket'> {
  return {
    bucket: {
      targetName: (values['targetBucket'] ?? '').trim(),
      skip: CONFIG_ITEMS.filter((item) => !isOn(values, field(item))),
    },
  };
}
