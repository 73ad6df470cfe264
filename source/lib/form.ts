import { describeError } from './errors.js';

/** Forms for dialogs: fields, validation, and which field to send the user to. */
export type FormValues = Readonly<Record<string, string>>;

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly initial?: string;
  readonly placeholder?: string;
  /** Passwords and passphrases: shown as bullets, never logged. */
  readonly mask?: boolean;
  /** text (default); toggle: 'yes' | 'no', flipped with Space; choice: one of `choices`. */
  readonly kind?: 'text' | 'toggle' | 'choice';
  readonly choices?: readonly string[];
  /** One line shown under the field while it has the focus. */
  readonly hint?: string;
  /** A hint that follows the value as it is typed (a password's strength); replaces `hint`. */
  readonly liveHint?: (value: string) => string;
  /** Tab completes the value (local paths) before it moves to the next field. */
  readonly complete?: (value: string) => {
    value: string;
    choices: readonly string[];
  };
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

export const YES = 'yes';
export const NO = 'no';

/** A toggle field's value as a boolean. */
export function isOn(values: FormValues, name: string): boolean {
  return values[name] === YES;
}

/** The value after Space (toggle) or ←/→ (choice) on a field; text is unchanged. */
export function stepValue(
  field: FormField,
  value: string,
  step: 1 | -1,
): string {
  if (field.kind === 'toggle') return value === YES ? NO : YES;
  if (field.kind === 'choice' && field.choices && field.choices.length > 0) {
    const index = field.choices.indexOf(value);
    const next = (index + step + field.choices.length) % field.choices.length;
    return field.choices[next] ?? value;
  }
  return value;
}

/** A service-side check (one that throws) as a form rule: its message, or undefined. */
export function checked(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** A whole number from a field, or undefined when left empty; NaN when it is not one. */
export function wholeNumber(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** Common rule: a value is required. */
export function required(label: string): (value: string) => string | undefined {
  return (value) => (value.trim() === '' ? `${label} is required` : undefined);
}
