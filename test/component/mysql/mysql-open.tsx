/** Opens the MySQL pane on the fake, for the MySQL component tests. */
import type { Theme } from '../../../components/theme.js';
import { defaultConfig } from '../../../source/config/defaults.js';
import type { Config } from '../../../source/config/schema.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeMysql } from '../../helpers/fakes/fake-mysql.js';
import { KEYS } from '../../helpers/keys.js';
import type { Size } from '../../helpers/render.js';

export function mysqlConfig(): Config {
  return {
    ...defaultConfig(),
    mysql: {
      connections: {
        db1: {
          ssh: { host: 'db1.example.com', user: 'ops' },
          mysql: { user: 'root', askPassword: true },
        },
      },
    },
  };
}

/** The MySQL pane, connected to the fake as root with a password typed in. */
export async function connectedPane(
  options: { readOnly?: boolean; size?: Size; theme?: Theme } = {},
) {
  const mysql = createFakeMysql();
  const { view, deps } = await openConsole({
    pane: 'mysql',
    config: mysqlConfig(),
    mysql,
    ...options,
  });
  await view.waitFor((frame) => frame.includes('db1.example.com'), 'profiles');
  await view.press(KEYS.enter, (frame) => frame.includes('MySQL password'));
  await view.press('s3cret');
  await view.press(KEYS.enter, (frame) => frame.includes('Databases (2)'));
  return { view, deps, mysql };
}
