/** Path parameters, already checked: a 4-digit year and a unit code usable as a document ID. */
export interface RouteParams {
  year: number;
  unit: string;
}
