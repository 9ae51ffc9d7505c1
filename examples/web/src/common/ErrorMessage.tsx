import type { StashError } from '@stashkit/core';

/** A failed read or write, shown as it is (errors are never turned into empty data). */
export function ErrorMessage({ error, title }: { error: StashError | Error; title?: string }) {
  return (
    <div className="sk-error" role="alert">
      <strong>{title ?? error.name}</strong>
      <span>{error.message}</span>
    </div>
  );
}
