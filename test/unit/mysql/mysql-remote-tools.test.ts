import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  credentialLines,
  dumpCommand,
  optionValue,
  restoreCommand,
  shellQuote,
  splitToolLine,
  toolError,
} from '../../../source/mysql/dump/remote-tools.js';

describe('remote dump and restore commands', () => {
  it('quotes for the shell so any database name is one argument', () => {
    const name = `a'b "c" $(rm -rf x) \`d\``;
    expect(
      execFileSync('sh', ['-c', `printf %s ${shellQuote(name)}`], {
        encoding: 'utf8',
      }),
    ).toBe(name);
  });

  it('encodes option file values and refuses line breaks', () => {
    expect(optionValue(`p"a#s\\s 'w`)).toBe(`"p\\"a#s\\\\s 'w"`);
    expect(() => optionValue('a\nb')).toThrow(/line break/);
    expect(credentialLines('root', undefined)).toBe('"root"\n\n');
  });

  it('never puts the password in the command line', () => {
    const endpoint = { kind: 'tcp', host: '127.0.0.1', port: 3306 } as const;
    const secret = 'hunter2-secret';
    expect(credentialLines('root', secret)).toContain(secret);
    for (const command of [
      dumpCommand(endpoint, 'shop'),
      restoreCommand(endpoint, 'shop', true),
    ]) {
      expect(command).not.toContain(secret);
      expect(command).toMatch(/^exec bash -c '/);
      expect(command).toContain('--defaults-extra-file=<(creds)');
    }
    expect(
      dumpCommand({ kind: 'socket', path: '/run/my sql.sock' }, 'x'),
    ).toContain(`--socket='\\''/run/my sql.sock'\\''`);
  });

  it('runs the credential preamble in bash: the option file reaches the tool through a pipe', () => {
    // Replace the tool with cat to see the option file it would read.
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-tools-'));
    writeFileSync(
      join(dir, 'mariadb-dump'),
      '#!/bin/sh\ncat "${1#--defaults-extra-file=}"; echo "args: $*" | sed "s/=[^ ]*fd[^ ]*/=PIPE/"\n',
      {
        mode: 0o755,
      },
    );
    const output = execFileSync(
      'sh',
      ['-c', dumpCommand({ kind: 'tcp', host: 'db', port: 3307 }, "my'db")],
      {
        input: credentialLines('root', `p"w`),
        env: { PATH: `${dir}:${process.env['PATH'] ?? ''}` },
        encoding: 'utf8',
      },
    );
    expect(output).toContain('[client]\nuser="root"\npassword="p\\"w"\n');
    expect(output).toContain('--port=3307');
    expect(output).toContain("-- my'db");
    expect(readFileSync(join(dir, 'mariadb-dump'), 'utf8')).not.toContain(
      'p"w',
    );
  });

  it('turns tool failures into messages', () => {
    const stderr =
      'opsdeck-tool: /usr/bin/mariadb-dump\nmariadb-dump: Got error: 1049: "Unknown database \'x\'" when selecting the database\n';
    expect(splitToolLine(stderr).tool).toBe('/usr/bin/mariadb-dump');
    expect(toolError('dump of x', 2, stderr).message).toMatch(
      /dump of x failed \(exit 2\): mariadb-dump: Got error: 1049/,
    );
    expect(
      toolError(
        'dump',
        127,
        'opsdeck: neither mariadb-dump nor mysqldump found on this host\n',
      ).hint,
    ).toMatch(/install/);
  });
});
