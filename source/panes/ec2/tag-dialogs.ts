/** What `t` asks on any EC2 resource: the tags as one line, and the changes it makes. Pure. */
import type { Glyphs } from '../../lib/charset.js';
import type { FormSpec } from '../../lib/form.js';
import { type ConfirmRequest, DRY_RUN_OPTION } from '../../safety/confirm.js';
import { formatTagAssignments, parseTagAssignments } from './tags-input.js';

/** One line with every tag: edit it; a key left out is removed. */
export function tagsForm(
  title: string,
  current: Readonly<Record<string, string>>,
  glyphs: Glyphs,
): FormSpec {
  return {
    title,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'tags',
        label: 'Tags',
        initial: formatTagAssignments(current),
        placeholder: 'env=prod team="data eng"',
        hint: 'key=value, separated by spaces; quote values with spaces; a key left out is removed',
        validate: (value) => {
          const parsed = parseTagAssignments(value, glyphs);
          return parsed.ok ? undefined : parsed.error;
        },
      },
    ],
  };
}

export interface TagChanges {
  readonly add: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
  /** "+ env=prod", "- old", "~ team: web -> data", for the confirmation. */
  readonly lines: readonly string[];
}

export function tagChanges(
  current: Readonly<Record<string, string>>,
  desired: Readonly<Record<string, string>>,
): TagChanges {
  const add: Record<string, string> = {};
  const lines: string[] = [];
  for (const [key, value] of Object.entries(desired)) {
    if (current[key] === value) continue;
    add[key] = value;
    lines.push(
      current[key] === undefined
        ? `+ ${key}=${value}`
        : `~ ${key}: ${current[key]} -> ${value}`,
    );
  }
  const remove = Object.keys(current).filter((key) => !(key in desired));
  for (const key of remove) lines.push(`- ${key}`);
  return { add, remove, lines };
}

export function tagsRequest(what: string, changes: TagChanges): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Change the tags of ${what}`,
    targets: changes.lines,
    action: 'Apply',
    options: [DRY_RUN_OPTION],
  };
}
