import { useState } from "react";

/**
 * The state of a form's async submit: `run(task)` clears the last error, marks the form busy
 * (with `as`, which of its actions), keeps what the task throws (or hands it to `onError`) and
 * clears busy at the end.
 */
export function useSubmit<K extends string = "submit">() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<K | null>(null);
  async function run(
    task: () => Promise<void>,
    { as = "submit" as K, onError = setError }: { as?: K; onError?: (e: unknown) => void } = {},
  ) {
    setError(null);
    setBusy(as);
    try {
      await task();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  }
  return { error, setError, busy, run };
}
