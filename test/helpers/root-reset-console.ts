/** The console on two MySQL connection profiles and a fake reset engine, for the wizard's screen tests. */
import { expect } from 'vitest';
import type { Theme } from '../../components/theme.js';
import { defaultConfig } from '../../source/config/defaults.js';
import type { Config } from '../../source/config/schema.js';
import { openConsole } from './console.js';
import {
  createFakeRootReset,
  type FakeRootReset,
} from './fakes/fake-root-reset.js';
import { KEYS } from './keys.js';
import { lines, type Rendered, type Size } from './render.js';

function resetConfig(): Config {
  return {
    ...defaultConfig(),
    mysql: {
      connections: {
        db1: {
          ssh: { host: 'db1.example.com', user: 'ops' },
          mysql: { user: 'root', askPassword: true, port: 3306 },
          server: {
            stop: '/opt/db/stop-mariadb.sh',
            start: '/opt/db/start-mariadb.sh',
          },
        },
        db2: {
          ssh: { host: 'db2.example.com', user: 'ops' },
          mysql: { user: 'root', askPassword: true },
        },
      },
    },
  };
}

export async function openReset(
  options: {
    readOnly?: boolean;
    engine?: FakeRootReset;
    size?: Size;
    pane?: string;
    theme?: Theme;
  } = {},
) {
  const engine = options.engine ?? createFakeRootReset();
  const opened = await openConsole({
    pane: options.pane ?? 'reset-root',
    config: resetConfig(),
    rootReset: engine,
    ...(options.size ? { size: options.size } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
  });
  return { ...opened, engine };
}

/** Every row fits the terminal, and the frame is no taller than it. */
export function expectFits(
  frame: string,
  size: Size = { columns: 80, rows: 24 },
) {
  const rows = lines(frame);
  expect(rows.length).toBeLessThanOrEqual(size.rows);
  for (const row of rows) expect(row.length).toBeLessThanOrEqual(size.columns);
}

/** Picks db1 and waits for the server screen. */
export async function toServer(view: Rendered) {
  await view.waitFor(
    (text) => text.includes('Step 1/5: Connection'),
    'the wizard',
  );
  await view.press(KEYS.enter, (text) => text.includes('on which connection?'));
  return view.press(KEYS.enter, (text) => text.includes('Step 2/5: Server'));
}

/** From the server screen: default options, a password typed twice: the plan. */
export async function toPlan(
  view: Rendered,
  password = 'N3w-Pa55word!',
  fromServer = true,
) {
  if (fromServer) {
    await view.press(KEYS.enter, (text) => text.includes('Reset options for'));
    await view.press(KEYS.enter, (text) => text.includes('New password for'));
  }
  await view.press(password);
  await view.press(KEYS.tab);
  await view.press(password);
  return view.press(KEYS.enter, (text) => text.includes('Step 3/5: Plan'));
}
