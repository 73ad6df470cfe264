/** The wizard's forms and confirmations. Pure: values in, specs out. */
import { accountFieldProblem } from '../account.js';
import {
  isOn,
  NO,
  YES,
  type FormSpec,
  type FormValues,
} from '../../../lib/form.js';
import type { Glyphs } from '../../../lib/charset.js';
import type { ConfirmRequest } from '../../../safety/confirm.js';
import { passwordProblem, strengthHint } from '../secrets.js';
import type { Detection, Method, Plan, ResetOptions } from '../types.js';

export const METHOD_LABELS: Readonly<Record<Method, string>> = {
  session: 'no restart (a way in was found)',
  'init-file': 'restart with an init file',
  'skip-grant-tables': 'fallback: skip grant tables, no networking',
};

const METHOD_CHOICES: Readonly<Record<string, Method>> = {
  'no restart': 'session',
  'init file': 'init-file',
  'skip grant tables (fallback)': 'skip-grant-tables',
};

const choiceOf = (method: Method) =>
  Object.keys(METHOD_CHOICES).find((key) => METHOD_CHOICES[key] === method) ??
  'init file';

export function optionsForm(
  detection: Detection,
  options: ResetOptions,
  glyphs: Glyphs,
): FormSpec {
  const methods = Object.keys(METHOD_CHOICES).filter(
    (choice) => METHOD_CHOICES[choice] !== 'session' || detection.access,
  );
  return {
    title: `Reset options for ${detection.host}`,
    submitLabel: 'Next',
    fields: [
      {
        name: 'method',
        label: 'Method',
        kind: 'choice',
        choices: methods,
        initial: choiceOf(options.method),
        hint: detection.access
          ? `${glyphs.leftRight}: no restart is the least invasive; the init file restarts twice`
          : `${glyphs.leftRight}: the init file is the safe way; skip grant tables only where it cannot work`,
      },
      {
        name: 'user',
        label: 'Account user',
        initial: options.user,
        validate: (value) => accountFieldProblem('user', value),
      },
      {
        name: 'host',
        label: 'Account host',
        initial: options.host,
        hint: 'the account is user@host; root@localhost unless you know better',
        validate: (value) => accountFieldProblem('host', value),
      },
      ...(detection.flavour === 'mariadb'
        ? [
            {
              name: 'socket',
              label: 'Keep socket login',
              kind: 'toggle' as const,
              initial: options.keepSocketLogin ? YES : NO,
              hint: 'Space: keep `sudo mariadb` working without the password',
            },
          ]
        : []),
    ],
  };
}

export function optionsFrom(
  values: FormValues,
  options: ResetOptions,
): ResetOptions {
  return {
    ...options,
    method: METHOD_CHOICES[values['method'] ?? ''] ?? options.method,
    user: (values['user'] ?? options.user).trim(),
    host: (values['host'] ?? options.host).trim(),
    keepSocketLogin:
      values['socket'] === undefined ? false : isOn(values, 'socket'),
  };
}

/** Typed twice, masked; taken exactly as typed (no trimming). */
export function passwordForm(account: string, host: string): FormSpec {
  return {
    title: `New password for ${account} on ${host}`,
    submitLabel: 'Next',
    fields: [
      {
        name: 'password',
        label: 'New password',
        mask: true,
        liveHint: (value) =>
          value === ''
            ? 'kept in memory for this run only; sent as a hash where the server allows'
            : `strength: ${strengthHint(value)}`,
        validate: (value) => passwordProblem(value, value),
      },
      {
        name: 'again',
        label: 'Again',
        mask: true,
        validate: (value, values) => {
          const first = values['password'] ?? '';
          // The first field says what is wrong with the password itself.
          if (passwordProblem(first, first)) return undefined;
          return passwordProblem(first, value);
        },
      },
    ],
  };
}

export function sudoForm(where: string): FormSpec {
  return {
    title: `sudo password on ${where}`,
    submitLabel: 'OK',
    fields: [
      {
        name: 'value',
        label: 'sudo password',
        mask: true,
        hint: 'sent on stdin to sudo, kept in memory for this run only',
      },
    ],
  };
}

export function runRequest(plan: Plan): ConfirmRequest {
  const { detection, options } = plan;
  return {
    level: 'yes-no',
    title: `Reset the password of ${options.user}@${options.host} on ${detection.host}`,
    targets: [
      `${detection.flavour === 'mariadb' ? 'MariaDB' : 'MySQL'} ${detection.version}, pid ${detection.pid}`,
      `method: ${METHOD_LABELS[options.method]}`,
    ],
    warnings: [
      ...plan.warnings,
      'On any failure the script puts the server back as it was, except the password.',
    ],
    action: 'Reset',
  };
}

export function stopRequest(host: string): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Stop the reset on ${host}?`,
    targets: ['The remote script gets TERM; its trap restores the server.'],
    warnings: [
      'No: the reset goes on; the job strip shows it, :reset-root comes back.',
    ],
    action: 'Stop it',
  };
}
