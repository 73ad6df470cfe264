/**
 * What connecting asks: a password or passphrase, an unknown host key, a
 * one-off target. Shared by the MySQL pane and the root-reset wizard. Pure.
 */
import type { MysqlConnectionProfile } from '../../config/mysql-profile-schema.js';
import type { HostKeyQuestion } from '../../ssh/ssh-types.js';
import { required, type FormSpec } from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';

export function hostKeyRequest(question: HostKeyQuestion): ConfirmRequest {
  const where =
    question.port === 22
      ? question.host
      : `[${question.host}]:${question.port}`;
  return {
    level: 'yes-no',
    title: `Unknown host key for ${where}`,
    targets: [
      `${question.keyType} ${question.fingerprintSha256}`,
      ...(question.otherTypes.length > 0
        ? [`known_hosts already has: ${question.otherTypes.join(', ')}`]
        : []),
    ],
    warnings: [
      'Compare the fingerprint with the server (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it; yes saves it to known_hosts.',
    ],
    action: 'Trust',
  };
}

export function secretForm(prompt: string, secret: boolean): FormSpec {
  return {
    title: prompt,
    submitLabel: 'OK',
    fields: [
      {
        name: 'value',
        label: secret ? 'Secret' : 'Answer',
        mask: secret,
        hint: secret ? 'kept in memory for this run only, never saved' : '',
      },
    ],
  };
}

export const oneOffForm: FormSpec = {
  title: 'Connect once (not saved)',
  submitLabel: 'Connect',
  fields: [
    {
      name: 'target',
      label: 'SSH user@host[:port]',
      placeholder: 'admin@db1.example.com',
      validate: (value) =>
        /^(?:[^@\s]+@)?[^:@\s]+(?::\d{1,5})?$/.test(value.trim())
          ? undefined
          : 'type user@host or user@host:port',
    },
    {
      name: 'mysqlUser',
      label: 'MySQL user',
      initial: 'root',
      validate: required('MySQL user'),
    },
  ],
};

/** The one-off form with the target filled in (an instance's DNS name). */
export function oneOffFormAt(target: string | undefined): FormSpec {
  if (target === undefined) return oneOffForm;
  return {
    ...oneOffForm,
    fields: oneOffForm.fields.map((field) =>
      field.name === 'target' ? { ...field, initial: target } : field,
    ),
  };
}

/** "user@host[:port]" as a one-off connection profile with MySQL root on 127.0.0.1:3306. */
export function parseOneOff(
  text: string,
  mysqlUser = 'root',
): MysqlConnectionProfile | undefined {
  const match = /^(?:([^@\s]+)@)?([^:@\s]+)(?::(\d{1,5}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, user, host, port] = match;
  if (host === undefined) return undefined;
  const portNumber = port === undefined ? undefined : Number(port);
  if (portNumber !== undefined && (portNumber < 1 || portNumber > 65535))
    return undefined;
  return {
    ssh: {
      host,
      ...(user === undefined ? {} : { user }),
      ...(portNumber === undefined ? {} : { port: portNumber }),
    },
    mysql: { user: mysqlUser, askPassword: true },
  };
}
