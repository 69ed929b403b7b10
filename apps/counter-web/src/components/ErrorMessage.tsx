interface ErrorMessageProps {
  message: string | null;
}

/** A refusal not tied to one field, read out as soon as it appears. */
export function ErrorMessage({ message }: ErrorMessageProps) {
  if (!message) return null;
  return (
    <p class="alert alert--error" role="alert">
      {message}
    </p>
  );
}
