import { useCallback, useState } from 'react';
import type { FormSpec, FormValues } from '../source/form.js';
import type { ConfirmRequest } from '../source/safety/confirm.js';

export type Dialog =
  | {
      readonly kind: 'confirm';
      readonly request: ConfirmRequest;
      readonly resolve: (confirmed: boolean) => void;
    }
  | {
      readonly kind: 'form';
      readonly form: FormSpec;
      readonly resolve: (values: FormValues | undefined) => void;
    };

export interface DialogControl {
  readonly dialog: Dialog | null;
  readonly confirm: (request: ConfirmRequest) => Promise<boolean>;
  readonly ask: (form: FormSpec) => Promise<FormValues | undefined>;
  /** Closes the open dialog as cancelled. */
  readonly dismiss: () => void;
}

/** One dialog at a time; asking for one returns a promise of the answer. */
export function useDialogs(): DialogControl {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setDialog({
          kind: 'confirm',
          request,
          resolve: (confirmed) => {
            setDialog(null);
            resolve(confirmed);
          },
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
          resolve: (values) => {
            setDialog(null);
            resolve(values);
          },
        });
      }),
    [],
  );
  const dismiss = useCallback(() => {
    if (dialog?.kind === 'confirm') dialog.resolve(false);
    else if (dialog?.kind === 'form') dialog.resolve(undefined);
  }, [dialog]);
  return { dialog, confirm, ask, dismiss };
}
