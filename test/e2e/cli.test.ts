import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { forbiddenIn } from '../helpers/hostile.js';
import { HOSTILE, HOSTILE_OBJECT_KEY } from '../../source/lab/seed/hostile.js';

const moto = labPart('moto');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [builtCli(), ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('opsdeck without a terminal', () => {
  it('refuses to open the console and says what to do instead', () => {
    const { code, err } = run([]);
    expect(code).toBe(2);
    expect(err).toContain('the console needs an interactive terminal');
    expect(err).toContain('opsdeck whoami');
  });

  it('prints help and version', () => {
    expect(run(['--help']).out).toContain('--endpoint-url <url>');
    expect(run(['--version'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) as unknown,
    });
  });

  it('rejects bad arguments with a message and exit code 2', () => {
    expect(run(['--region', 'moon'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('"moon" is not a region code') as unknown,
    });
    expect(run(['--pane', 'nope'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no pane "nope"') as unknown,
    });
    expect(run(['--endpoint-url', 'ftp://x'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('must start with http') as unknown,
    });
  });

  it('prints no SDK warning on stderr', () => {
    const { err } = run(['whoami', '--endpoint-url', 'http://127.0.0.1:9'], {
      AWS_ACCESS_KEY_ID: 'a',
      AWS_SECRET_ACCESS_KEY: 'b',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(err).not.toMatch(/NodeVersionSupportWarning|node >=22/);
    expect(err).toContain('cannot reach http://127.0.0.1:9');
  });
});

describe.skipIf(!moto.info)(
  `opsdeck whoami against the lab${moto.missing}`,
  () => {
    const env = {
      AWS_CONFIG_FILE: moto.info?.awsConfigFile,
      AWS_SHARED_CREDENTIALS_FILE: moto.info?.awsCredentialsFile,
      AWS_PROFILE: '',
      OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
    };

    it('prints the identity as text and as JSON', () => {
      const text = run(
        [
          'whoami',
          '--profile',
          'lab',
          '--endpoint-url',
          moto.info?.endpoint ?? '',
        ],
        env,
      );
      expect(text).toMatchObject({
        code: 0,
        out: 'arn:aws:sts::123456789012:user/moto\naccount 123456789012  profile lab  region us-east-1\n',
      });
      const json = run(
        [
          'whoami',
          '--json',
          '--profile',
          'lab-prod',
          '--endpoint-url',
          moto.info?.endpoint ?? '',
        ],
        env,
      );
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toMatchObject({
        profile: 'lab-prod',
        account: '210987654321',
        readOnly: true,
      });
    });

    it('fails with exit code 1 and the reason', () => {
      const result = run(
        [
          'whoami',
          '--profile',
          'lab-sso',
          '--endpoint-url',
          moto.info?.endpoint ?? '',
        ],
        env,
      );
      expect(result.code).toBe(1);
      expect(result.err).toContain('run: aws sso login --profile lab-sso');
    });
  },
);

describe.skipIf(!moto.info)(
  `subcommands print outside text harmless${moto.missing}`,
  () => {
    const env = {
      AWS_CONFIG_FILE: moto.info?.awsConfigFile,
      AWS_SHARED_CREDENTIALS_FILE: moto.info?.awsCredentialsFile,
      AWS_PROFILE: '',
      OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
    };
    const lab = [
      '--profile',
      'lab',
      '--endpoint-url',
      moto.info?.endpoint ?? '',
    ];

    it('shows a hostile key as visible escapes, and escapes it in JSON without changing it', () => {
      const text = run(
        ['s3', 'ls', 's3://opsdeck-lab-assets/uploads/', ...lab],
        env,
      );
      expect(text.code).toBe(0);
      expect(text.out).toContain(
        'uploads/evil\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J<U+202E>.txt',
      );
      expect(forbiddenIn(text.out)).toEqual([]);

      const json = run(
        ['s3', 'ls', 's3://opsdeck-lab-assets/uploads/', '--json', ...lab],
        env,
      );
      expect(json.code).toBe(0);
      expect(forbiddenIn(json.out)).toEqual([]);
      const keys = json.out
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { key?: string }).key);
      expect(keys).toContain(HOSTILE_OBJECT_KEY);
    });

    it('prints an error that quotes hostile input harmless', () => {
      const result = run(['s3', 'mb', `s3://Bad_${HOSTILE}`, ...lab], env);
      expect(result.code).toBe(1);
      expect(result.err).toContain('Bad_\\x1b]52;c;cHduZWQ=\\x07');
      expect(forbiddenIn(result.err)).toEqual([]);
    });
  },
);
