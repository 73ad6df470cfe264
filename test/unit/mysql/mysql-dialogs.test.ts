import { describe, expect, it } from 'vitest';
import {
  oneOffForm,
  oneOffFormAt,
  parseOneOff,
} from '../../../source/panes/mysql/mysql-dialogs.js';

describe('connecting once', () => {
  it('fills in the target when the pane is opened for an instance', () => {
    expect(oneOffFormAt(undefined)).toBe(oneOffForm);
    const form = oneOffFormAt('ec2-3-3-3-3.compute.amazonaws.com');
    expect(form.title).toBe('Connect once (not saved)');
    expect(form.fields.map((field) => [field.name, field.initial])).toEqual([
      ['target', 'ec2-3-3-3-3.compute.amazonaws.com'],
      ['mysqlUser', 'root'],
    ]);
  });

  it('reads user@host[:port] as a profile that asks the MySQL password', () => {
    expect(parseOneOff('admin@db1:2222', 'ops')).toEqual({
      ssh: { host: 'db1', user: 'admin', port: 2222 },
      mysql: { user: 'ops', askPassword: true },
    });
    expect(parseOneOff('db1')).toEqual({
      ssh: { host: 'db1' },
      mysql: { user: 'root', askPassword: true },
    });
    expect(parseOneOff('admin@db1:70000')).toBeUndefined();
    expect(parseOneOff('not a host')).toBeUndefined();
  });
});
