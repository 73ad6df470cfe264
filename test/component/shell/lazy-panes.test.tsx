/**
 * Panes load when first opened. Unlike the other component tests, this one
 * does not preload them: it sees the frame before a pane's code arrives.
 */
import { describe, expect, it } from 'vitest';

import { App } from '../../../components/shell/App.js';
import { loadedPane } from '../../../components/shell/pane-registry.js';
import { createTheme } from '../../../components/theme.js';
import { fakeDeps } from '../../helpers/fakes/fake-deps.js';
import { renderAt } from '../../helpers/render.js';

describe('panes load on first use', () => {
  it('says it is loading, then shows the pane, and loads no other pane', async () => {
    expect(loadedPane('regions')).toBeUndefined();
    const view = await renderAt(
      <App
        deps={fakeDeps({})}
        theme={createTheme({ color: false, ascii: false })}
        initialPane="regions"
      />,
    );
    const frames = [view.frame()];
    await view.waitFor(
      (frame) => frame.includes('eu-west-1'),
      'the regions pane',
    );
    frames.push(view.frame());
    expect(frames[0]).toContain('loading Regions...');
    expect(loadedPane('regions')).toBeDefined();
    expect(loadedPane('buckets')).toBeUndefined();
    view.unmount();
  });
});
