/** Path parameters, already checked: a 4-digit year, unit and organization codes usable as document IDs. */
export interface RouteParams {
  year: number;
  unit: string;
  org: string;
}
