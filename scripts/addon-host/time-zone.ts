/**
 * Sheets stores a date cell as a calendar day and time without zone; scripts see it as the instant that
 * day and time happen in the spreadsheet's time zone. The fake keeps the wall-clock time in a Date's UTC
 * fields and converts at the boundary.
 */
function offsetMs(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time (in UTC fields) happens in the zone. */
export function instantOfWallClock(wall: Date, timeZone: string): Date {
  const guess = wall.getTime() - offsetMs(timeZone, wall.getTime());
  return new Date(wall.getTime() - offsetMs(timeZone, guess));
}

/** The wall-clock time (in UTC fields) of an instant in the zone. */
export function wallClockOf(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + offsetMs(timeZone, instant.getTime()));
}
