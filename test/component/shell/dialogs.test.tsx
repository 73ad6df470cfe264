import { Box, Text } from 'ink';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../components/dialogs/ConfirmDialog.js';
import { FormDialog } from '../../../components/dialogs/FormDialog.js';
import { required, type FormValues } from '../../../source/lib/form.js';
import {
  DRY_RUN_OPTION,
  type ConfirmAnswer,
  type ConfirmRequest,
} from '../../../source/safety/confirm.js';
import { KEYS } from '../../helpers/keys.js';
import { withProviders } from '../../helpers/providers.js';
import { renderAt } from '../../helpers/render.js';

const stop: ConfirmRequest = {
  level: 'yes-no',
  title: 'Stop 2 instances',
  targets: ['web-1 (i-0aaa)', 'web-2 (i-0bbb)'],
  action: 'Stop',
};
const terminate: ConfirmRequest = {
  level: 'typed',
  title: 'Terminate web-1',
  targets: ['web-1 (i-0abc)'],
  warnings: [
    'Instance-store data is lost; EBS volumes with DeleteOnTermination go too.',
  ],
  expected: 'i-0abc',
  action: 'Terminate',
};

/**
 * A dialog above the count of the answers it gave: a test waits for the
 * count to change on screen, not for the clock.
 */
function Counted({
  dialog,
}: {
  readonly dialog: (counted: () => void) => ReactNode;
}) {
  const [count, setCount] = useState(0);
  return (
    <Box flexDirection="column">
      {dialog(() => setCount((current) => current + 1))}
      <Text>{`answers: ${count}`}</Text>
    </Box>
  );
}

/** The frame once the dialog has answered `count` times in all. */
const answered = (count: number) => (frame: string) =>
  frame.includes(`answers: ${count}`);

async function confirmDialog(request: ConfirmRequest) {
  const answers: boolean[] = [];
  const options: ConfirmAnswer['options'][] = [];
  const { tree } = withProviders(
    <Counted
      dialog={(counted) => (
        <ConfirmDialog
          request={request}
          width={70}
          height={18}
          onResolve={(answer) => {
            answers.push(answer.confirmed);
            options.push(answer.options);
            counted();
          }}
        />
      )}
    />,
  );
  const view = await renderAt(<>{tree}</>);
  await view.waitFor((frame) => frame.includes(request.title));
  return { view, answers, options };
}

describe('yes/no confirmation', () => {
  it('lists every target and has the focus on No', async () => {
    const { view, answers } = await confirmDialog(stop);
    expect(view.frame()).toContain('web-1 (i-0aaa)');
    expect(view.frame()).toContain('web-2 (i-0bbb)');
    await view.press(KEYS.enter, answered(1));
    expect(answers).toEqual([false]);
  });

  it('confirms with y, or with Tab then Enter', async () => {
    const first = await confirmDialog(stop);
    await first.view.press('y', answered(1));
    expect(first.answers).toEqual([true]);
    const second = await confirmDialog(stop);
    await second.view.press(KEYS.tab);
    await second.view.press(KEYS.enter, answered(1));
    expect(second.answers).toEqual([true]);
  });

  it('wraps a long warning and the switch hints instead of cutting them', async () => {
    const warning =
      'A stopped instance gets a new public IP when started, unless it has an Elastic IP; its instance-store data is lost.';
    const { view } = await confirmDialog({
      ...stop,
      warnings: [warning],
      options: [DRY_RUN_OPTION],
    });
    const frame = view.frame();
    expect(frame).not.toContain('…');
    const inside = frame
      .split('\n')
      .map((line) =>
        line
          .replace(/^[│|] ?/, '')
          .replace(/ *[│|]$/, '')
          .trim(),
      )
      .join(' ');
    expect(inside.replace(/\s+/g, ' ')).toContain(warning.replace(/^/, '▲ '));
    expect(inside).toContain(DRY_RUN_OPTION.hint ?? '');
  });

  it('cancels with n and with Esc', async () => {
    const { view, answers } = await confirmDialog(stop);
    await view.press('n', answered(1));
    await view.press(KEYS.escape, answered(2));
    expect(answers).toEqual([false, false]);
  });

  it('scrolls a long target list instead of cutting it', async () => {
    const many = {
      ...stop,
      title: 'Stop 40 instances',
      targets: Array.from(
        { length: 40 },
        (_, index) => `i-${String(index).padStart(4, '0')}`,
      ),
    };
    const { view } = await confirmDialog(many);
    expect(view.frame()).toContain('of 40, ↑/↓ scroll');
    expect(view.frame()).not.toContain('i-0039');
    for (let step = 0; step < 28; step++) await view.press(KEYS.down);
    const end = view.frame();
    expect(end).toContain('i-0039');
    expect(end).toContain('of 40');
  });
});

describe('switches in a confirmation', () => {
  const stopWithOptions: ConfirmRequest = {
    ...stop,
    options: [
      DRY_RUN_OPTION,
      {
        id: 'force',
        label: 'force',
        warning: 'no OS shutdown: unsaved data is lost',
      },
    ],
  };

  it('flips dry run and force with their keys and returns them with the answer', async () => {
    const { view, answers, options } = await confirmDialog(stopWithOptions);
    expect(view.frame()).toContain(
      '[ ] dry run (Ctrl+D): EC2 only checks whether',
    );
    const forced = await view.press('\u0006', (frame) =>
      frame.includes('[x] force (Ctrl+F)'),
    );
    expect(forced).toContain('no OS shutdown: unsaved data is lost');
    const dry = await view.press('\u0004', (frame) =>
      frame.includes('[x] dry run'),
    );
    expect(dry).toContain('Dry run: Stop');
    await view.press('y', answered(1));
    expect(answers).toEqual([true]);
    expect(options).toEqual([{ dryRun: true, force: true }]);
  });

  it('ignores the keys of switches it does not offer', async () => {
    const { view, options } = await confirmDialog(stop);
    view.raw.stdin.write('\u0006');
    // Ctrl+F changes nothing on screen: Tab does, so y is handled by a
    // dialog that has seen whatever Ctrl+F did.
    await view.press(KEYS.tab);
    await view.press('y', answered(1));
    expect(options).toEqual([{}]);
  });

  it('lets a dry run through a typed confirmation without the typed name', async () => {
    const { view, answers, options } = await confirmDialog({
      ...terminate,
      options: [DRY_RUN_OPTION],
    });
    await view.press('\u0004', (frame) => frame.includes('[x] dry run'));
    await view.press(KEYS.enter, answered(1));
    expect(answers).toEqual([true]);
    expect(options).toEqual([{ dryRun: true }]);
  });
});

describe('typed confirmation', () => {
  it('shows what to type and ignores Enter until it matches exactly', async () => {
    const { view, answers } = await confirmDialog(terminate);
    expect(view.frame()).toContain('Type i-0abc to terminate');
    expect(view.frame()).toContain('Instance-store data is lost');
    // y is text here, not yes.
    await view.press('y');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('type exactly i-0abc'),
    );
    expect(answers).toEqual([]);
    // Typing clears the nudge; a wrong Enter brings it back.
    await view.press(
      KEYS.backspace,
      (frame) => !frame.includes('type exactly'),
    );
    await view.press('I-0ABC');
    const refused = await view.press(KEYS.enter, (frame) =>
      frame.includes('type exactly i-0abc'),
    );
    expect(refused).toContain('answers: 0');
    expect(answers).toEqual([]);
    await view.press(KEYS.ctrlU);
    await view.press('i-0abc');
    await view.press(KEYS.enter, answered(1));
    expect(answers).toEqual([true]);
  });

  it('cancels with Esc', async () => {
    const { view, answers } = await confirmDialog(terminate);
    await view.press('i-0abc');
    await view.press(KEYS.escape, answered(1));
    expect(answers).toEqual([false]);
  });
});

describe('form dialog', () => {
  const form = {
    title: 'Create bucket',
    submitLabel: 'Create',
    fields: [
      {
        name: 'name',
        label: 'Name',
        validate: (value: string) =>
          required('Name')(value) ??
          (/^[a-z0-9.-]{3,63}$/.test(value)
            ? undefined
            : 'use 3-63 lowercase letters, digits, dots and hyphens'),
      },
      {
        name: 'password',
        label: 'Password',
        mask: true,
        validate: required('Password'),
      },
    ],
  };

  it('shows a message under each wrong field and submits only when all are valid', async () => {
    const submitted: FormValues[] = [];
    const { tree } = withProviders(
      <Counted
        dialog={(counted) => (
          <FormDialog
            form={form}
            width={70}
            onSubmit={(values) => {
              submitted.push(values);
              counted();
            }}
            onCancel={() => undefined}
          />
        )}
      />,
    );
    const view = await renderAt(<>{tree}</>);
    await view.waitFor((frame) => frame.includes('Create bucket'));
    const invalid = await view.press(KEYS.enter, (frame) =>
      frame.includes('Name is required'),
    );
    expect(invalid).toContain('Password is required');
    expect(submitted).toEqual([]);
    const wrong = await view.press('Bad_Name', (frame) =>
      frame.includes('use 3-63 lowercase'),
    );
    expect(wrong).toContain('Bad_Name');
    await view.press(KEYS.ctrlU);
    await view.press('logs-2026');
    await view.press(KEYS.tab);
    const masked = await view.press('hunter2');
    expect(masked).not.toContain('hunter2');
    expect(masked).toContain('•••••••');
    await view.press(KEYS.enter, answered(1));
    expect(submitted).toEqual([{ name: 'logs-2026', password: 'hunter2' }]);
  });
});
