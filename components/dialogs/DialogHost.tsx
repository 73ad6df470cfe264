import type { Dialog } from '../../hooks/shell/useDialogs.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FormDialog } from './FormDialog.js';
import { PickerDialog } from './PickerDialog.js';

export interface DialogHostProps {
  readonly dialog: Dialog;
  readonly width: number;
  readonly height: number;
}

const dialogIds = new WeakMap<Dialog, number>();
let lastDialogId = 0;

/** One key per dialog asked for: a dialog that follows another at once starts fresh. */
function dialogKey(dialog: Dialog): number {
  let id = dialogIds.get(dialog);
  if (id === undefined) {
    id = ++lastDialogId;
    dialogIds.set(dialog, id);
  }
  return id;
}

/** The open dialog, at most 76 columns wide so it reads like a dialog on wide screens. */
export function DialogHost({ dialog, width, height }: DialogHostProps) {
  const dialogWidth = Math.min(width, 76);
  const key = dialogKey(dialog);
  switch (dialog.kind) {
    case 'confirm':
      return (
        <ConfirmDialog
          key={key}
          request={dialog.request}
          width={dialogWidth}
          height={height}
          onResolve={dialog.resolve}
        />
      );
    case 'form':
      return (
        <FormDialog
          key={key}
          form={dialog.form}
          width={dialogWidth}
          onSubmit={dialog.resolve}
          onCancel={() => dialog.resolve(undefined)}
        />
      );
    case 'pick':
      return (
        <PickerDialog
          key={key}
          request={dialog.request}
          width={dialogWidth}
          height={height}
          onResolve={dialog.resolve}
        />
      );
  }
}
