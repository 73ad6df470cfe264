import { describe, expect, it } from 'vitest';
import {
  currentPane,
  currentView,
  initialShellState,
  shellReducer,
  type ShellAction,
  type ShellState,
} from '../../../source/shell/shell-state.js';

function run(state: ShellState, ...actions: ShellAction[]): ShellState {
  return actions.reduce(shellReducer, state);
}

describe('shell navigation', () => {
  it('opens panes on a stack and goes back', () => {
    const state = run(
      initialShellState('regions'),
      { type: 'open-pane', pane: 'profiles' },
      { type: 'open-pane', pane: 'log' },
    );
    expect(
      state.views.map((view) => (view.kind === 'pane' ? view.pane : view.kind)),
    ).toEqual(['regions', 'profiles', 'log']);
    expect(currentPane(run(state, { type: 'back' }))).toBe('profiles');
  });

  it('brings a pane forward instead of stacking a second copy', () => {
    const state = run(
      initialShellState('regions'),
      { type: 'open-pane', pane: 'log' },
      { type: 'open-pane', pane: 'regions' },
    );
    expect(state.views).toEqual([
      { kind: 'pane', pane: 'log' },
      { kind: 'pane', pane: 'regions' },
    ]);
  });

  it('clears the filter before going back, and never pops the last view', () => {
    let state = run(initialShellState('regions'), {
      type: 'open-pane',
      pane: 'log',
      filter: 'error',
    });
    state = run(state, { type: 'back' });
    expect(currentPane(state)).toBe('log');
    expect(state.filters['log']).toBe('');
    state = run(state, { type: 'back' }, { type: 'back' }, { type: 'back' });
    expect(currentPane(state)).toBe('regions');
  });

  it('restores the old filter when the filter prompt is cancelled, keeps it when accepted', () => {
    const state = run(
      initialShellState('regions', 'us'),
      { type: 'prompt', prompt: 'filter' },
      { type: 'set-filter', text: 'eu' },
    );
    expect(state.filters['regions']).toBe('eu');
    expect(
      run(state, { type: 'close-prompt', restoreFilter: true }).filters[
        'regions'
      ],
    ).toBe('us');
    expect(run(state, { type: 'close-prompt' }).filters['regions']).toBe('eu');
  });

  it('drops detail views on a session switch, since they hold the old rows', () => {
    const state = run(initialShellState('regions'), {
      type: 'push',
      view: { kind: 'detail', title: 'eu-west-1', sections: [] },
    });
    expect(currentView(state).kind).toBe('detail');
    expect(currentView(run(state, { type: 'session-switched' }))).toEqual({
      kind: 'pane',
      pane: 'regions',
    });
  });

  it('pops the top view whatever its filter, but never the last one', () => {
    const state = run(initialShellState('log'), {
      type: 'open-pane',
      pane: 'regions',
      filter: 'eu',
    });
    expect(currentPane(run(state, { type: 'pop' }))).toBe('log');
    expect(run(initialShellState('log'), { type: 'pop' }).views).toHaveLength(
      1,
    );
  });

  it('opens a browsing pane at a place on top, and Esc comes back up', () => {
    const state = run(
      initialShellState('buckets'),
      { type: 'open-at', pane: 'objects', at: 'logs/' },
      { type: 'set-filter', text: '2026' },
      { type: 'open-at', pane: 'objects', at: 'logs/2026/' },
      { type: 'open-at', pane: 'objects', at: 'logs/2026/' },
    );
    expect(state.views).toHaveLength(3);
    expect(currentView(state)).toEqual({
      kind: 'pane',
      pane: 'objects',
      at: 'logs/2026/',
    });
    // The deeper listing starts unfiltered.
    expect(state.filters['objects']).toBe('');
    const up = run(state, { type: 'back' });
    expect(currentView(up)).toMatchObject({ at: 'logs/' });
    expect(currentPane(run(up, { type: 'back' }))).toBe('buckets');
  });

  it('clears a status only if it is still the same one', () => {
    const state = run(
      initialShellState('regions'),
      { type: 'status', level: 'info', text: 'one', id: 1 },
      { type: 'status', level: 'error', text: 'two', id: 2 },
    );
    expect(run(state, { type: 'clear-status', id: 1 }).status?.text).toBe(
      'two',
    );
    expect(run(state, { type: 'clear-status', id: 2 }).status).toBeNull();
  });
});
