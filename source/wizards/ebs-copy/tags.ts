/**
 * Tags and tokens that make a run resumable: every created resource carries
 * the run's ID and the step that made it, so a resumed run finds what an
 * interrupted one created; client tokens are derived from the same pair.
 */
import { randomBytes } from 'node:crypto';
import type {
  ResourceType as Ec2ResourceType,
  Tag,
  TagSpecification,
} from '@aws-sdk/client-ec2';
import type { TagChoice } from './types.js';
import type { StepKind } from './run-types.js';

export const MIGRATION_TAG = 'opsdeck:migration';
const STEP_TAG = 'opsdeck:migration-step';
/** On a copy: the snapshot or image it copies. */
export const SOURCE_TAG = 'opsdeck:source';
/** On a recreated security group: the group it copies. */
export const SOURCE_GROUP_TAG = 'opsdeck:source-group';

/** "mig-20261121-3f9a2c": sortable by day, unique enough per account. */
export function newRunId(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `mig-${day}-${randomBytes(3).toString('hex')}`;
}

export function isRunId(value: string): boolean {
  return /^mig-\d{8}-[0-9a-f]{6}$/.test(value);
}

/** Deterministic per run and step, at most 64 ASCII characters as EC2 wants. */
export function clientToken(
  runId: string,
  stepId: StepKind,
  part = '',
): string {
  return `${runId}-${stepId}${part === '' ? '' : `-${part}`}`.slice(0, 64);
}

/** The source's tags that the copy carries: user tags only (aws:* are reserved), per the choice. */
export function carriedTags(
  source: Readonly<Record<string, string>>,
  choice: TagChoice,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.toLowerCase().startsWith('aws:')) continue;
    if (key.startsWith('opsdeck:migration') || key === SOURCE_GROUP_TAG)
      continue;
    if (choice.mode === 'none') continue;
    if (choice.mode === 'only' && !choice.keys.includes(key)) continue;
    kept[key] = value;
  }
  return kept;
}

/** Carried tags plus the run's own two. */
export function runTags(
  carried: Readonly<Record<string, string>>,
  runId: string,
  stepId: StepKind,
): Tag[] {
  return Object.entries({
    ...carried,
    [MIGRATION_TAG]: runId,
    [STEP_TAG]: stepId,
  }).map(([Key, Value]) => ({ Key, Value }));
}

export function tagSpecs(
  types: readonly Ec2ResourceType[],
  tags: Tag[],
): TagSpecification[] {
  return types.map((ResourceType) => ({ ResourceType, Tags: tags }));
}

export function tagMap(
  tags: readonly Tag[] | undefined,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? [])
    if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? '';
  return map;
}

/** Whether a resource was made by this run's step (checked here too: some endpoints ignore filters). */
export function madeBy(
  tags: readonly Tag[] | undefined,
  runId: string,
  stepId: StepKind,
): boolean {
  const map = tagMap(tags);
  return map[MIGRATION_TAG] === runId && map[STEP_TAG] === stepId;
}

/** Describe* filters for the run's step. */
export function stepFilters(runId: string, stepId: StepKind) {
  return [
    { Name: `tag:${MIGRATION_TAG}`, Values: [runId] },
    { Name: `tag:${STEP_TAG}`, Values: [stepId] },
  ];
}
