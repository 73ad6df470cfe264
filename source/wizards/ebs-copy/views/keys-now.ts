/**
 * The region-copy wizard's keys that do something at its step, for the
 * footer and the help: a finished copy offers clean-up and a new copy, not
 * "Enter next, s source, t target". Pure.
 */
import type { Command } from '../../../keymap/index.js';
import type { WizardSnapshot } from '../console-service.js';

const CHOOSE: readonly Command[] = [
  'ebsCopy.source',
  'ebsCopy.target',
  'ebsCopy.options',
  'ebsCopy.new',
];

export function ebsCopyKeysNow({ state, jobId }: WizardSnapshot): Command[] {
  if (jobId !== undefined) return [];
  switch (state.step) {
    case 'source':
      return ['ebsCopy.next', 'ebsCopy.source'];
    case 'target':
    case 'options':
    case 'review':
      return ['ebsCopy.next', ...CHOOSE];
    case 'preflight':
      return [...CHOOSE];
    case 'failed':
      return state.runId === undefined
        ? ['ebsCopy.next', ...CHOOSE]
        : ['ebsCopy.resume', ...CHOOSE];
    case 'running':
      return [];
    case 'finished':
      return [
        // A bucket run leaves nothing behind; it can catch up instead.
        ...(state.summary.catchUp === undefined
          ? []
          : (['ebsCopy.catchUp'] as const)),
        ...(state.summary.leftovers.length > 0
          ? (['ebsCopy.cleanup'] as const)
          : []),
        'ebsCopy.new',
      ];
  }
}
