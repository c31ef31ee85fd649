/** Vietnam has one time zone (UTC+7) and no daylight saving time. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "14:05 ngày 27/11/2024" for an instant, in Vietnam time; null for a text that is not a time. */
export function formatVietnamTime(instant: string | Date): string | null {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(time)) return null;
  const local = new Date(time + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ngày ` +
    `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
  );
}
