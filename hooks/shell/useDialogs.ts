import { useCallback, useState } from 'react';
import type { FormSpec, FormValues } from '../../source/lib/form.js';
import type { PickRequest } from '../../source/lib/pick-request.js';
import {
  DECLINED,
  type ConfirmAnswer,
  type ConfirmRequest,
} from '../../source/safety/confirm.js';

export type Dialog =
  | {
      readonly kind: 'confirm';
      readonly request: ConfirmRequest;
      readonly resolve: (answer: ConfirmAnswer) => void;
    }
  | {
      readonly kind: 'form';
      readonly form: FormSpec;
      readonly resolve: (values: FormValues | undefined) => void;
    }
  | {
      readonly kind: 'pick';
      readonly request: PickRequest;
      readonly resolve: (id: string | undefined) => void;
    };

export interface DialogControl {
  readonly dialog: Dialog | null;
  readonly confirm: (request: ConfirmRequest) => Promise<ConfirmAnswer>;
  readonly ask: (form: FormSpec) => Promise<FormValues | undefined>;
  readonly pick: (request: PickRequest) => Promise<string | undefined>;
  /** Closes the open dialog as cancelled. */
  readonly dismiss: () => void;
}

/** One dialog at a time; asking for one returns a promise of the answer. */
export function useDialogs(): DialogControl {
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<ConfirmAnswer>((resolve) => {
        setDialog({
          kind: 'confirm',
          request,
          resolve: (answer) => (setDialog(null), resolve(answer)),
        });
      }),
    [],
  );
  const ask = useCallback(
    (form: FormSpec) =>
      new Promise<FormValues | undefined>((resolve) => {
        setDialog({
          kind: 'form',
          form,
          resolve: (values) => (setDialog(null), resolve(values)),
        });
      }),
    [],
  );
  const pick = useCallback(
    (request: PickRequest) =>
      new Promise<string | undefined>((resolve) => {
        setDialog({
          kind: 'pick',
          request,
          resolve: (id) => (setDialog(null), resolve(id)),
        });
      }),
    [],
  );
  const dismiss = useCallback(() => {
    if (dialog?.kind === 'confirm') dialog.resolve(DECLINED);
    else if (dialog?.kind === 'form') dialog.resolve(undefined);
    else if (dialog?.kind === 'pick') dialog.resolve(undefined);
  }, [dialog]);

  return { dialog, confirm, ask, pick, dismiss };
}
