/**
 * The local lab: moto, MariaDB and OpenSSH, whichever are installed, started
 * privately (own ports, dirs, keys), seeded with a realistic estate, and
 * stopped together. `opsdeck --demo` and the integration tests both use it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LAB_ACCOUNT,
  LAB_CREDENTIALS,
  LAB_PROD_ACCOUNT,
  writeLabAwsFiles,
  type LabAwsFiles,
} from './lab-aws.js';
import { findMariaDb, startMariaDb, type MariaDbServer } from './mariadb.js';
import { MotoMissingError, startMoto, type MotoServer } from './moto.js';
import { seedLabAccounts } from './seed/seed-estate.js';
import { LAB_MYSQL, seedMysql } from './seed/seed-mysql.js';
import { startLabReaper } from './lab-reaper.js';
import { findSshd, startSshd, type SshServer } from './sshd.js';
import { LAB_PREFIX, removeStaleLabs } from './stale-labs.js';

export type LabPart = 'moto' | 'mariadb' | 'sshd';
export const LAB_PARTS: readonly LabPart[] = ['moto', 'mariadb', 'sshd'];

export interface Lab {
  readonly dir: string;
  readonly moto?: MotoServer & {
    readonly files: LabAwsFiles;
    readonly accounts: readonly string[];
  };
  readonly mariadb?: MariaDbServer & { readonly rootPassword: string };
  readonly sshd?: SshServer;
  /** Parts that were asked for but could not start, with the reason. */
  readonly skipped: readonly {
    readonly part: LabPart;
    readonly reason: string;
  }[];
  readonly summary: () => string[];
  readonly stop: () => Promise<void>;
}

export interface LabOptions {
  readonly parts?: readonly LabPart[];
  /** Progress lines while starting ("moto: seeding…"). */
  readonly progress?: (line: string) => void;
  readonly seed?: boolean;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const wanted = options.parts ?? LAB_PARTS;
  const progress = options.progress ?? (() => undefined);
  removeStaleLabs();
  const dir = mkdtempSync(join(tmpdir(), LAB_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const reaper = startLabReaper(dir);
  const skipped: { part: LabPart; reason: string }[] = [];
  const stops: (() => Promise<void>)[] = [];
  const lab: {
    moto?: Lab['moto'];
    mariadb?: Lab['mariadb'];
    sshd?: SshServer;
  } = {};

  const stop = async () => {
    await Promise.allSettled(stops.reverse().map((stopPart) => stopPart()));
    stops.length = 0;
    rmSync(dir, { recursive: true, force: true });
    reaper.release();
  };

  try {
    const tasks: Promise<void>[] = [];
    if (wanted.includes('moto')) {
      {
        tasks.push(
          (async () => {
            progress('moto: starting');
            let moto: MotoServer;
            try {
              moto = await startMoto(dir);
            } catch (error) {
              if (!(error instanceof MotoMissingError)) throw error;
              skipped.push({ part: 'moto', reason: error.message });
              return;
            }
            stops.push(moto.stop);
            const files = writeLabAwsFiles(dir);
            if (options.seed !== false) {
              progress('moto: seeding EC2 and S3');
              await seedLabAccounts({
                endpoint: moto.endpoint,
                credentials: LAB_CREDENTIALS,
              });
            }
            lab.moto = {
              ...moto,
              files,
              accounts: [LAB_ACCOUNT, LAB_PROD_ACCOUNT],
            };
          })(),
        );
      }
    }
    if (wanted.includes('mariadb')) {
      const found = findMariaDb();
      if ('missing' in found)
        skipped.push({ part: 'mariadb', reason: found.missing });
      else {
        tasks.push(
          (async () => {
            progress('mariadb: starting');
            const server = await startMariaDb(dir, found);
            stops.push(server.stop);
            if (options.seed !== false) {
              progress('mariadb: seeding');
              await seedMysql({ socket: server.socket });
            }
            lab.mariadb = { ...server, rootPassword: LAB_MYSQL.rootPassword };
          })(),
        );
      }
    }
    if (wanted.includes('sshd')) {
      const found = findSshd();
      if ('missing' in found)
        skipped.push({ part: 'sshd', reason: found.missing });
      else {
        tasks.push(
          (async () => {
            progress('sshd: starting');
            const server = await startSshd(dir);
            stops.push(server.stop);
            lab.sshd = server;
          })(),
        );
      }
    }
    const results = await Promise.allSettled(tasks);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    dir,
    ...lab,
    skipped,
    summary() {
      const lines: string[] = [];
      if (lab.moto)
        lines.push(
          `moto      ${lab.moto.endpoint}  accounts ${lab.moto.accounts.join(', ')}  profiles lab, lab-eu, lab-prod (assume-role, read-only), lab-sso`,
        );
      if (lab.mariadb)
        lines.push(
          `mariadb   127.0.0.1:${lab.mariadb.port}  socket ${lab.mariadb.socket}  (${lab.mariadb.version.replace(/^.*Ver\s+/, '').split(' ')[0] ?? ''})`,
        );
      if (lab.sshd)
        lines.push(
          `sshd      ${lab.sshd.user}@127.0.0.1:${lab.sshd.port}  key ${lab.sshd.keyPath}`,
        );
      for (const skip of skipped)
        lines.push(`${skip.part.padEnd(9)} not started: ${skip.reason}`);
      return lines;
    },
    stop,
  };
}
