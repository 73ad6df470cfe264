/** The console on one volume and a fake region-copy engine, for the wizard's screen tests. */
import { expect } from 'vitest';
import type { Theme } from '../../components/theme.js';
import type { VolumeRow } from '../../source/aws/ec2/types.js';
import { openConsole } from './console.js';
import { createFakeEbsCopy, type FakeEbsCopy } from './fakes/fake-ebs-copy.js';
import { createFakeEc2, fakeVolume } from './fakes/fake-ec2.js';
import { KEYS } from './keys.js';
import { lines, type Rendered, type Size } from './render.js';

export const VOL = 'vol-0aaaaaaaaaaaaaaa1';

const volume = (id: string, name: string): VolumeRow =>
  fakeVolume(id, { name, tags: { Name: name } });

export async function openOnVolumes(
  options: {
    readOnly?: boolean;
    engine?: FakeEbsCopy;
    pane?: string;
    theme?: Theme;
    size?: Size;
  } = {},
) {
  const engine = options.engine ?? createFakeEbsCopy();
  const ec2 = createFakeEc2({ volumes: [volume(VOL, 'data-01')] });
  const pane = options.pane ?? 'volumes';
  const opened = await openConsole({
    pane,
    ec2,
    ebsCopy: engine,
    ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.size ? { size: options.size } : {}),
  });
  if (pane === 'volumes')
    await opened.view.waitFor((text) => text.includes('Volumes (1)'));
  return { ...opened, engine };
}

/** The frame fits 80x24: one row shorter than the terminal, no row wider. */
export function expectFits(frame: string) {
  const rows = lines(frame);
  expect(rows.length).toBeLessThanOrEqual(23);
  for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
}

/** r on the volume row, region eu-west-1, zone eu-west-1a: the options screen. */
export async function toOptions(view: Rendered) {
  await view.press('r', (text) =>
    text.includes(`Copy volume ${VOL} in us-east-1 to which region?`),
  );
  await view.press('/', (text) => text.includes('Esc ends the filter'));
  await view.press('eu-west', (text) => text.includes('(1/2)'));
  await view.press(KEYS.enter, (text) => text.includes('Zone in eu-west-1'));
  return view.press(KEYS.enter, (text) => text.includes('Step 3/6: Options'));
}
