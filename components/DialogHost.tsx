import type { Dialog } from '../hooks/useDialogs.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FormDialog } from './FormDialog.js';
import { PickerDialog } from './PickerDialog.js';

export interface DialogHostProps {
  readonly dialog: Dialog;
  readonly width: number;
  readonly height: number;
}

/** The open dialog, at most 76 columns wide so it reads like a dialog on wide screens. */
export function DialogHost({ dialog, width, height }: DialogHostProps) {
  const dialogWidth = Math.min(width, 76);
  switch (dialog.kind) {
    case 'confirm':
      return (
        <ConfirmDialog
          request={dialog.request}
          width={dialogWidth}
          height={height}
          onResolve={dialog.resolve}
        />
      );
    case 'form':
      return (
        <FormDialog
          form={dialog.form}
          width={dialogWidth}
          onSubmit={dialog.resolve}
          onCancel={() => dialog.resolve(undefined)}
        />
      );
    case 'pick':
      return (
        <PickerDialog
          request={dialog.request}
          width={dialogWidth}
          height={height}
          onResolve={dialog.resolve}
        />
      );
  }
}
