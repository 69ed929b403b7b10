import type { JSX } from 'preact';

interface TextFieldProps extends Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onInput' | 'label' | 'id'
> {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Shown under the field and tied to it for screen readers; the field is marked invalid while it is set. */
  error?: string | null;
  hint?: string | null;
}

/** A labelled input whose error and hint are tied to it (aria-describedby), as every form field here is. */
export function TextField({
  id,
  label,
  value,
  onValue,
  error,
  hint,
  class: className,
  ...input
}: TextFieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
