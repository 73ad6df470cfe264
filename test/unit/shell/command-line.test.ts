import { describe, expect, it } from 'vitest';
import {
  commonPrefix,
  complete,
  parseCommand,
} from '../../../source/shell/command-line.js';

const context = {
  profiles: ['default', 'prod', 'prod-eu', 'staging'],
  regions: ['eu-west-1', 'eu-west-2', 'us-east-1'],
};

describe(':command parsing', () => {
  it('opens panes by name or alias, with an optional filter', () => {
    expect(parseCommand('regions')).toEqual({ kind: 'pane', pane: 'regions' });
    expect(parseCommand(':reg')).toEqual({ kind: 'pane', pane: 'regions' });
    expect(parseCommand('regions eu')).toEqual({
      kind: 'pane',
      pane: 'regions',
      filter: 'eu',
    });
    expect(parseCommand('regions /eu')).toEqual({
      kind: 'pane',
      pane: 'regions',
      filter: 'eu',
    });
    expect(parseCommand('regions /^eu/')).toEqual({
      kind: 'pane',
      pane: 'regions',
      filter: '/^eu/',
    });
    expect(parseCommand('events')).toEqual({ kind: 'pane', pane: 'log' });
  });

  it('picks or switches profile and region', () => {
    expect(parseCommand('profile')).toEqual({ kind: 'profile' });
    expect(parseCommand('profile prod')).toEqual({
      kind: 'profile',
      name: 'prod',
    });
    expect(parseCommand('region eu-west-1')).toEqual({
      kind: 'region',
      name: 'eu-west-1',
    });
  });

  it('knows the builtins and their aliases', () => {
    expect(parseCommand('q')).toEqual({ kind: 'quit' });
    expect(parseCommand('q!')).toEqual({ kind: 'quit' });
    expect(parseCommand('?')).toEqual({ kind: 'help' });
    expect(parseCommand('whoami')).toEqual({ kind: 'whoami' });
    expect(parseCommand('  ')).toEqual({ kind: 'empty' });
  });

  it('suggests the nearest command for a typo', () => {
    expect(parseCommand('regoins')).toEqual({
      kind: 'unknown',
      word: 'regoins',
      suggestion: 'regions',
    });
    expect(parseCommand('xyzzy')).toEqual({ kind: 'unknown', word: 'xyzzy' });
  });
});

describe(':command completion', () => {
  it('completes a unique command and adds a space', () => {
    expect(complete('who', context).text).toBe('whoami ');
  });

  it('extends to the common prefix and lists the candidates', () => {
    const result = complete('pro', context);
    expect(result.text).toBe('prof');
    expect(result.candidates).toEqual(['profiles', 'profile', 'prof']);
  });

  it('completes profile and region arguments', () => {
    expect(complete('profile st', context).text).toBe('profile staging');
    expect(complete('profile pr', context)).toEqual({
      text: 'profile prod',
      candidates: ['prod', 'prod-eu'],
    });
    expect(complete('region eu', context).text).toBe('region eu-west-');
    expect(complete('region us', context).text).toBe('region us-east-1');
  });

  it('finds the common prefix', () => {
    expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab');
    expect(commonPrefix([])).toBe('');
  });
});
