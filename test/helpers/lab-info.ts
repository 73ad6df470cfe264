/** What the global setup tells test files about the lab, as plain data. */
import type { Lab, LabPart } from '../../source/lab/lab.js';

export interface LabInfo {
  readonly dir: string;
  readonly moto?: {
    endpoint: string;
    configFile: string;
    credentialsFile: string;
    opsdeckConfigFile: string;
  };
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

export function labInfo(lab: Lab): LabInfo {
  return {
    dir: lab.dir,
    ...(lab.moto
      ? {
          moto: {
            endpoint: lab.moto.endpoint,
            configFile: lab.moto.files.configFile,
            credentialsFile: lab.moto.files.credentialsFile,
            opsdeckConfigFile: lab.moto.files.opsdeckConfigFile,
          },
        }
      : {}),
    ...(lab.mariadb
      ? {
          mariadb: {
            host: lab.mariadb.host,
            port: lab.mariadb.port,
            socket: lab.mariadb.socket,
            rootPassword: lab.mariadb.rootPassword,
          },
        }
      : {}),
    ...(lab.sshd
      ? {
          sshd: {
            host: lab.sshd.host,
            port: lab.sshd.port,
            user: lab.sshd.user,
            keyPath: lab.sshd.keyPath,
            knownHostsPath: lab.sshd.knownHostsPath,
          },
        }
      : {}),
    skipped: lab.skipped,
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo;
  }
}
