import { portOpen } from '../../source/lab/ports.js';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/built-cli.js';
import { KEYS } from '../helpers/keys.js';
import { labPart } from '../helpers/lab.js';
import { runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');

describe.skipIf(!moto.info)(
  `opsdeck --demo in a terminal${moto.missing}`,
  () => {
    it('starts, shows help, runs commands and filters, and quits with q and exit code 0', async () => {
      const app = runInPty(process.execPath, [builtCli(), '--demo'], {
        columns: 80,
        rows: 24,
      });
      try {
        const start = await app.waitFor(
          (screen) =>
            screen.includes('123456789012') && screen.includes('Instances ('),
          'the console on the lab',
          60_000,
        );
        const rows = start.split('\n');
        expect(rows[0]).toMatch(
          /^opsdeck │ lab │ us-east-1 │ 123456789012 │ user\/moto/,
        );
        expect(rows.at(-2)).toContain(': cmd');

        app.type('?');
        const help = await app.waitFor(
          (screen) => screen.includes('Help (Esc closes)'),
          'the help',
        );
        expect(help).toContain('Everywhere');
        app.type(KEYS.escape);
        await app.waitFor(
          (screen) => screen.includes('Instances ('),
          'the instances again',
        );

        // Typed quickly, in one write: the paced input must not lose any of it.
        app.type(':prof\t\r');
        const profiles = await app.waitFor(
          (screen) => screen.includes('Profiles (4)'),
          'the profiles pane',
        );
        expect(profiles).toContain('lab-prod');
        expect(profiles).toContain('read-only');

        app.type('/');
        app.type('sso');
        const filtered = await app.waitFor(
          (screen) => screen.includes('Profiles (1/4)'),
          'the filtered list',
        );
        expect(filtered).toContain('https://lab-corp.awsapps.com/start');
        app.type(KEYS.enter);
        await app.waitFor(
          (screen) =>
            screen.includes('filter sso') && !screen.includes('Enter keeps'),
          'the filter kept',
        );

        app.type('!');
        await app.waitFor(
          (screen) => screen.includes('Event log'),
          'the event log',
        );

        app.type('q');
        expect(await app.exited).toBe(0);
        // Quitting the demo says why the prompt takes a moment to return.
        expect(app.written()).toContain('lab: stopping the lab');
      } finally {
        app.kill();
      }
    }, 90_000);

    it('switches to the read-only assume-role profile and shows its account', async () => {
      const app = runInPty(
        process.execPath,
        [builtCli(), '--demo', '--pane', 'profiles'],
        { columns: 120, rows: 30 },
      );
      try {
        await app.waitFor(
          (screen) =>
            screen.includes('Profiles (4)') && screen.includes('123456789012'),
          'the profiles pane',
          60_000,
        );
        app.type('jj\r');
        const switched = await app.waitFor(
          (screen) => (screen.split('\n')[0] ?? '').includes('210987654321'),
          'the other account in the header',
        );
        const header = switched.split('\n')[0] ?? '';
        expect(header).toContain('lab-prod');
        expect(header).toContain('READ-ONLY');
        app.type(KEYS.ctrlC);
        await app.waitFor(
          (screen) => screen.includes('Ctrl+C again quits'),
          'the Ctrl+C warning',
        );
        app.type(KEYS.ctrlC);
        expect(await app.exited).toBe(0);
      } finally {
        app.kill();
      }
    }, 90_000);

    it('stops the lab it started when it quits', async () => {
      const app = runInPty(process.execPath, [builtCli(), '--demo'], {
        columns: 100,
        rows: 30,
      });
      try {
        await app.waitFor(
          (screen) => screen.includes('Instances ('),
          'the console',
          60_000,
        );
        // Typed right after the first frame, before the regions have loaded.
        app.type(':whoami\r');
        const whoami = await app.waitFor(
          (screen) => screen.includes('Local lab'),
          'the lab summary',
        );
        const port = Number(
          /moto\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(whoami)?.[1],
        );
        expect(await portOpen(port)).toBe(true);
        app.type('q');
        expect(await app.exited).toBe(0);
        expect(await portOpen(port)).toBe(false);
      } finally {
        app.kill();
      }
    }, 90_000);
  },
);
