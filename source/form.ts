/** Forms for dialogs: fields, validation, and which field to send the user to. */
export type FormValues = Readonly<Record<string, string>>;

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly initial?: string;
  readonly placeholder?: string;
  /** Passwords and passphrases: shown as bullets, never logged. */
  readonly mask?: boolean;
  /** A message saying what is wrong, or undefined when the value is fine. */
  readonly validate?: (value: string, values: FormValues) => string | undefined;
}

export interface FormSpec {
  readonly title: string;
  readonly fields: readonly FormField[];
  readonly submitLabel: string;
}

export function validateForm(
  form: FormSpec,
  values: FormValues,
): Record<string, string | undefined> {
  const errors: Record<string, string | undefined> = {};
  for (const field of form.fields)
    errors[field.name] = field.validate?.(values[field.name] ?? '', values);
  return errors;
}

/** Index of the first field with an error, or -1. */
export function firstInvalid(
  form: FormSpec,
  errors: Record<string, string | undefined>,
): number {
  return form.fields.findIndex((field) => errors[field.name] !== undefined);
}

/** Common rule: a value is required. */
export function required(label: string): (value: string) => string | undefined {
  return (value) => (value.trim() === '' ? `${label} is required` : undefined);
}
