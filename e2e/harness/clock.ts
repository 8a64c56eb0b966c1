/**
 * When a performance mark was made, on the wall clock the simulator logs its requests by. Runs in
 * the page. `performance.timeOrigin + startTime` counts on the browser's monotonic clock, which
 * drifts from `Date.now()` by tens of milliseconds and more, so the mark's age on that clock is taken
 * back from the wall time instead. NaN when there is no such mark.
 */
export function markWallTime(mark: string): number {
  const entry = performance.getEntriesByName(mark)[0];
  return entry ? Date.now() - (performance.now() - entry.startTime) : Number.NaN;
}
