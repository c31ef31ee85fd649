/** Path parameters, already checked: a 4-digit year, unit and organization codes usable as document IDs. */
export interface RouteParams {
  year: number;
  unit: string;
  org: string;
  /** `/quarters/{q}`: a quarter's report (1–4); absent: the year's. */
  quarter?: number;
}
