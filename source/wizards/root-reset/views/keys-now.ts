/**
 * The root-reset wizard's keys that do something at its step, for the
 * footer and the help: an ended reset offers starting over, not the
 * options and password of a plan that has run. Pure.
 */
import type { Command } from '../../../keymap/index.js';
import type { WizardSnapshot } from '../console-service.js';
import { earlierPending } from './screen-view.js';

export function rootResetKeysNow({ state, jobId }: WizardSnapshot): Command[] {
  if (jobId !== undefined) return [];
  switch (state.step) {
    case 'pick':
      return ['rootReset.next', 'rootReset.connection'];
    case 'connecting':
      return ['rootReset.connection', 'rootReset.new'];
    case 'unreachable':
      return ['rootReset.next', 'rootReset.connection', 'rootReset.new'];
    case 'found':
    case 'plan':
      return [
        'rootReset.next',
        'rootReset.connection',
        'rootReset.options',
        ...(state.plan ? (['rootReset.password'] as const) : []),
        ...(earlierPending(state) ? (['rootReset.leftover'] as const) : []),
        'rootReset.new',
      ];
    case 'running':
      return [];
    case 'ended':
      return ['rootReset.connection', 'rootReset.new'];
  }
}
