/** Times the steps of a season: `timed(step, work)` runs `work` and keeps its seconds under `step`. */
export function stepTimer(): {
  seconds: Record<string, number>;
  timed: <T>(step: string, work: () => Promise<T>) => Promise<T>;
} {
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[step] = (performance.now() - started) / 1000;
    return result;
  };
  return { seconds, timed };
}
