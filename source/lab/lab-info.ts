/** Where the parts of a running lab are, as plain data (for `opsdeck lab --json` and the tests). */
import type { Lab, LabPart } from './lab.js';

export interface LabDescription {
  readonly dir: string;
  readonly moto?: {
    endpoint: string;
    awsConfigFile: string;
    awsCredentialsFile: string;
    opsdeckConfigFile: string;
  };
  /** The lab's root password is a documented throwaway for a loopback server. */
  readonly mariadb?: {
    host: string;
    port: number;
    socket: string;
    rootPassword: string;
  };
  readonly sshd?: {
    host: string;
    port: number;
    user: string;
    keyPath: string;
    knownHostsPath: string;
  };
  readonly skipped: readonly { part: LabPart; reason: string }[];
}

export function describeLab(lab: Lab): LabDescription {
  const { moto, mariadb, sshd } = lab;
  return {
    dir: lab.dir,
    ...(moto && {
      moto: {
        endpoint: moto.endpoint,
        awsConfigFile: moto.files.configFile,
        awsCredentialsFile: moto.files.credentialsFile,
        opsdeckConfigFile: moto.files.opsdeckConfigFile,
      },
    }),
    ...(mariadb && {
      mariadb: {
        host: mariadb.host,
        port: mariadb.port,
        socket: mariadb.socket,
        rootPassword: mariadb.rootPassword,
      },
    }),
    ...(sshd && {
      sshd: {
        host: sshd.host,
        port: sshd.port,
        user: sshd.user,
        keyPath: sshd.keyPath,
        knownHostsPath: sshd.knownHostsPath,
      },
    }),
    skipped: lab.skipped,
  };
}
