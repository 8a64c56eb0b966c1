/**
 * Runs a task so that calls never overlap: each waits for the one before. A failure is reported
 * and does not stop the next call.
 */
export function oneAtATime(
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  return () => {
    running = running.then(task).then(() => {}, onError);
    return running;
  };
}
