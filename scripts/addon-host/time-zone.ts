import { wallClockIn } from '../../core';

/**
 * Sheets stores a date cell as a calendar day and time without zone; scripts see it as the instant that
 * day and time happen in the spreadsheet's time zone. The fake keeps the wall-clock time in a Date's UTC
 * fields and converts at the boundary.
 */
function offsetMs(timeZone: string, instant: number): number {
  const c = wallClockIn(new Date(instant), timeZone);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
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
