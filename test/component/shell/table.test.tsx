import { describe, expect, it } from 'vitest';
import { LoadedTablePane } from '../../../components/widgets/LoadedTablePane.js';
import { KEYS } from '../../helpers/keys.js';
import { withProviders } from '../../helpers/providers.js';
import { lines, renderAt } from '../../helpers/render.js';
import type { Page } from '../../../source/lib/view-types.js';
import type { TablePaneSpec } from '../../../source/table/table-spec.js';

interface Instance {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly cpu: number;
}

function makeSpec(
  pages: () => Page<Instance>[],
): TablePaneSpec<Instance, null> {
  return {
    name: 'test',
    columns: [
      { id: 'id', title: 'ID', value: (row) => row.id, min: 6 },
      { id: 'name', title: 'NAME', value: (row) => row.name, grow: 1, min: 6 },
      {
        id: 'state',
        title: 'STATE',
        value: (row) => row.state,
        tone: (row) => (row.state === 'running' ? 'ok' : 'error'),
        min: 7,
      },
      {
        id: 'cpu',
        title: 'CPU',
        value: (row) => String(row.cpu),
        sortValue: (row) => row.cpu,
        align: 'right',
        min: 3,
        priority: 9,
      },
    ],
    rowId: (row) => row.id,
    describe: (row) => [{ title: row.id, rows: [['Name', row.name]] }],
    load: (_services, cursor) => {
      const all = pages();
      const index = cursor === undefined ? 0 : Number(cursor);
      return Promise.resolve(all[index] ?? { rows: [] });
    },
  };
}

const instances = (count: number, from = 0): Instance[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `i-${String(from + index).padStart(5, '0')}`,
    name: `server-${from + index}`,
    state: index % 3 === 0 ? 'stopped' : 'running',
    cpu: (from + index) % 97,
  }));

/** The line drawn in inverse video: the selection. */
function selectedLine(raw: string | undefined): string {
  return (
    (raw ?? '').split('\n').find((line) => line.includes('\u001B[7m')) ?? ''
  );
}

async function pane(
  spec: TablePaneSpec<Instance, null>,
  size = { columns: 80, rows: 24 },
) {
  const { tree, treeFor, recorded } = withProviders(
    <LoadedTablePane
      title="Instances"
      spec={spec}
      services={null}
      height={size.rows - 4}
      width={size.columns}
      isActive
      filter=""
    />,
  );
  const view = await renderAt(<>{tree}</>, size);
  let token = 0;
  // What Ctrl+R does: the pane gets a new refresh token.
  const refresh = () => view.raw.rerender(<>{treeFor(++token)}</>);
  return { view, recorded, refresh };
}

describe('windowed table', () => {
  it('renders only the rows that fit, however long the list', async () => {
    const { view } = await pane(makeSpec(() => [{ rows: instances(5000) }]));
    const frame = await view.waitFor((text) =>
      text.includes('Instances (5000)'),
    );
    expect(lines(frame).length).toBeLessThanOrEqual(20);
    expect(frame).toContain('i-00000');
    expect(frame).not.toContain('i-00019');
    const end = await view.press('G', (text) => text.includes('i-04999'));
    expect(end).not.toContain('i-00000');
    expect(lines(end).length).toBeLessThanOrEqual(20);
  });

  it('marks a partial list and loads the next page with m', async () => {
    const { view } = await pane(
      makeSpec(() => [
        { rows: instances(50), next: '1' },
        { rows: instances(50, 50) },
      ]),
    );
    const first = await view.waitFor((text) =>
      text.includes('Instances (50+)'),
    );
    expect(first).toContain('partial: m loads more');
    const all = await view.press('m', (text) =>
      text.includes('Instances (100)'),
    );
    expect(all).not.toContain('partial');
  });

  it('sorts by a column number and reverses on the second press', async () => {
    const { view } = await pane(makeSpec(() => [{ rows: instances(30) }]));
    await view.waitFor((text) => text.includes('Instances (30)'));
    const ascending = await view.press('4', (text) => text.includes('CPU▲'));
    expect(lines(ascending)[2]).toContain('i-00000');
    await view.press('4', (text) => text.includes('CPU▼'));
    // The cursor stays on its row (now last); the top of the list is the highest.
    const top = await view.press('g', (text) => text.includes('i-00029'));
    expect(lines(top)[2]).toContain('i-00029');
  });

  it('keeps the selection on the same row when a refresh reorders the rows', async () => {
    let order = instances(10);
    const { view, refresh } = await pane(
      makeSpec(() => [{ rows: order }]),
      { columns: 80, rows: 24 },
    );
    await view.waitFor((text) => text.includes('Instances (10)'));
    for (let step = 0; step < 3; step++) await view.press('j');
    expect(selectedLine(view.raw.lastFrame())).toContain('i-00003');
    order = [...order].reverse();
    refresh();
    await view.waitFor((text) => (lines(text)[2] ?? '').includes('i-00009'));
    expect(selectedLine(view.raw.lastFrame())).toContain('i-00003');
  });

  it('marks rows with Space, describes with d, copies the ID with c', async () => {
    const { view, recorded } = await pane(
      makeSpec(() => [{ rows: instances(5) }]),
    );
    await view.waitFor((text) => text.includes('Instances (5)'));
    await view.press(KEYS.space, (text) => text.includes('1 marked'));
    await view.press(KEYS.space, (text) => text.includes('2 marked'));
    expect(view.frame()).toMatch(/●i-00000/);
    view.raw.stdin.write('d');
    await view.waitFor(() => recorded.details.length > 0);
    expect(recorded.details).toEqual(['Instances: i-00002']);
    view.raw.stdin.write('c');
    await view.waitFor(() => recorded.copies.length > 0);
    expect(recorded.copies).toEqual(['i-00002']);
  });

  it('says why when the first load fails', async () => {
    const spec = makeSpec(() => {
      throw new Error('permission denied for ec2:DescribeInstances');
    });
    const { view } = await pane(spec);
    const frame = await view.waitFor((text) => text.includes('could not load'));
    expect(frame).toContain(
      'could not load: permission denied for ec2:DescribeInstances',
    );
  });

  it('fits the columns to a narrow terminal and cuts long cells with an ellipsis', async () => {
    const long = [
      {
        id: 'i-00001',
        name: 'a-very-long-server-name-that-will-not-fit-anywhere-at-all',
        state: 'running',
        cpu: 5,
      },
    ];
    const { view } = await pane(
      makeSpec(() => [{ rows: long }]),
      { columns: 40, rows: 12 },
    );
    const frame = await view.waitFor((text) => text.includes('i-00001'));
    for (const line of lines(frame))
      expect(line.length).toBeLessThanOrEqual(40);
    expect(frame).toContain('a-very-long-se');
    expect(frame).toContain('…');
  });

  it('keeps the rows of the last good refresh and says it failed', async () => {
    let fail = false;
    const spec = makeSpec(() => {
      if (fail)
        throw new Error('ec2:DescribeInstances failed: RequestLimitExceeded');
      return [{ rows: instances(3) }];
    });
    const { view, recorded, refresh } = await pane(spec, {
      columns: 100,
      rows: 24,
    });
    await view.waitFor((text) => text.includes('Instances (3)'));
    fail = true;
    refresh();
    const frame = await view.waitFor((text) => text.includes('refresh failed'));
    expect(frame).toContain('i-00002');
    expect(recorded.reports).toEqual([
      'error: ec2:DescribeInstances failed: RequestLimitExceeded',
    ]);
  });
});
