import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../source/config/defaults.js';
import { loadConfig, parseConfig } from '../../../source/config/load.js';
import { configSchema } from '../../../source/config/schema.js';

const path = '/home/ops/.config/opsdeck/config.yaml';

describe('config file', () => {
  it('has defaults equal to what the schema fills in', () => {
    expect(configSchema.parse({})).toEqual(defaultConfig());
  });

  it('means defaults when the file does not exist', async () => {
    const loaded = await loadConfig(
      join(mkdtempSync(join(tmpdir(), 'opsdeck-config-')), 'absent.yaml'),
    );
    expect(loaded).toMatchObject({
      exists: false,
      problems: [],
      config: defaultConfig(),
    });
  });

  it('reads a valid file and keeps defaults for what it leaves out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-config-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(
      file,
      'defaults:\n  region: eu-west-1\nui:\n  refresh:\n    fast: 2\nprofiles:\n  prod:\n    readOnly: true\n',
    );
    const loaded = await loadConfig(file);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.defaults.region).toBe('eu-west-1');
    expect(loaded.config.ui.refresh).toEqual({ fast: 2, slow: 60 });
    expect(loaded.config.profiles['prod']).toEqual({ readOnly: true });
  });

  it('names the file, line and column of a YAML syntax error', async () => {
    const loaded = await parseConfig('defaults:\n  region: [eu-west-1\n', path);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toBe(
      `${path}:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
    expect(loaded.config).toEqual(defaultConfig());
  });

  it('takes an alias bomb as a broken file, named, with the defaults', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const name of 'bcdefghi')
      levels.push(
        `${name}: &${name} [${Array.from({ length: 9 }, () => `*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`,
      );
    const loaded = await parseConfig(levels.join('\n'), '/etc/opsdeck.yaml');
    expect(loaded.problems).toEqual([
      expect.stringMatching(/^\/etc\/opsdeck\.yaml: .*alias/i) as string,
    ]);
    expect(loaded.config).toEqual(defaultConfig());
  });

  it('names the field whose value has the wrong type', async () => {
    const loaded = await parseConfig(
      'profiles:\n  prod:\n    readOnly: "yes"\n',
      path,
    );
    expect(loaded.problems).toEqual([
      `${path}: profiles.prod.readOnly: Invalid input: expected boolean, received string`,
    ]);
  });

  it('refuses unknown fields, so a typo cannot drop a safety setting', async () => {
    const loaded = await parseConfig(
      'profiles:\n  prod:\n    readonly: true\n',
      path,
    );
    expect(loaded.problems).toEqual([
      `${path}: unknown field profiles.prod.readonly`,
    ]);
  });

  it('checks ranges', async () => {
    const loaded = await parseConfig('ui:\n  refresh:\n    fast: -1\n', path);
    expect(loaded.problems[0]).toMatch(`${path}: ui.refresh.fast: `);
  });

  it('takes an empty file as defaults', async () => {
    expect(await parseConfig('', path)).toEqual({
      path,
      config: defaultConfig(),
      problems: [],
    });
  });
});

describe('config paths', () => {
  it('follows XDG variables, and OPSDECK_CONFIG over them', async () => {
    const { configFilePath, stateDir } =
      await import('../../../source/config/paths.js');
    expect(configFilePath({ XDG_CONFIG_HOME: '/x/config' })).toBe(
      '/x/config/opsdeck/config.yaml',
    );
    expect(
      configFilePath({
        XDG_CONFIG_HOME: '/x/config',
        OPSDECK_CONFIG: '/etc/opsdeck.yaml',
      }),
    ).toBe('/etc/opsdeck.yaml');
    expect(stateDir({ XDG_STATE_HOME: '/x/state' })).toBe('/x/state/opsdeck');
    expect(configFilePath({})).toMatch(/\/opsdeck\/config\.yaml$/);
  });
});
