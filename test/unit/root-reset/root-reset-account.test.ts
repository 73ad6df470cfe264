import { describe, expect, it } from 'vitest';
import { resetOptionsFrom } from '../../../source/commands/reset-root/command-args.js';
import { accountFieldProblem } from '../../../source/wizards/root-reset/account.js';
import { remoteScript } from '../../../source/wizards/root-reset/run/remote-script.js';
import { heredocDelimiter } from '../../../source/wizards/root-reset/run/heredoc.js';
import { optionsForm } from '../../../source/wizards/root-reset/views/forms.js';
import type { ResetOptions } from '../../../source/wizards/root-reset/types.js';
import { fakeDetection } from '../../helpers/fakes/fake-root-reset.js';
import { HOSTILE_ACCOUNTS } from '../../helpers/hostile.js';

const DETECTION = fakeDetection({
  manager: { kind: 'systemd', unit: 'mariadb.service', optsInExecStart: true },
});
const OPTIONS: ResetOptions = {
  user: 'root',
  host: 'localhost',
  keepSocketLogin: false,
  method: 'init-file',
};

describe('the account of a reset', () => {
  it.each(HOSTILE_ACCOUNTS)(
    'refuses $field $value with a message naming the field',
    ({ field, value }) => {
      expect(accountFieldProblem(field, value)).toMatch(
        new RegExp(`^the account ${field} cannot hold a control character`),
      );
      const account = { user: 'root', host: 'localhost', [field]: value };
      expect(() =>
        resetOptionsFrom({ account: `${account.user}@${account.host}` }),
      ).toThrow(`the account ${field} cannot hold a control character`);
      expect(() =>
        remoteScript(DETECTION, { ...OPTIONS, ...account }, 'pw'),
      ).toThrow(`the account ${field}`);
    },
  );

  it('checks the fields of the options form', () => {
    const form = optionsForm(DETECTION, OPTIONS, {
      leftRight: '<>',
    } as never);
    const host = form.fields.find((field) => field.name === 'host');
    expect(host?.validate?.('localhost\nrm -rf /', {})).toMatch(/account host/);
    expect(host?.validate?.('%', {})).toBeUndefined();
    expect(host?.validate?.(' ', {})).toMatch(/account host is required/);
  });

  it('accepts ordinary users and hosts', () => {
    expect(accountFieldProblem('user', 'app_rw')).toBeUndefined();
    expect(accountFieldProblem('host', '10.0.%')).toBeUndefined();
    expect(() =>
      resetOptionsFrom({ account: "o'brien@%" })(DETECTION),
    ).not.toThrow();
  });
});

describe('here-documents of the reset script', () => {
  it('end at a random delimiter, a different one each time', () => {
    const first = remoteScript(DETECTION, OPTIONS, 'pw').text;
    const second = remoteScript(DETECTION, OPTIONS, 'pw').text;
    const sqlEnd = /<<'(OPSDECK_SQL_[0-9a-f]{24})'/.exec(first)?.[1];
    const cnfEnd = /<<'(OPSDECK_CNF_[0-9a-f]{24})'/.exec(first)?.[1];
    expect(sqlEnd).toBeDefined();
    expect(cnfEnd).toBeDefined();
    expect(second).not.toContain(sqlEnd);
    // Opened once, closed once, on a line of its own.
    expect(first.split('\n').filter((line) => line === sqlEnd)).toHaveLength(1);
    expect(first.split('\n').filter((line) => line === cnfEnd)).toHaveLength(1);
    expect(first).not.toMatch(/<<'OPSDECK_SQL'/);
  });

  it('never picks a delimiter that is in the body', () => {
    const picks = ['aaa', 'bbb'];
    const body = 'line\nEND_aaa\n';
    expect(heredocDelimiter('END', body, () => picks.shift() ?? 'x')).toBe(
      'END_bbb',
    );
  });
});
