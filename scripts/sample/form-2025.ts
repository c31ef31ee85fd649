/** How one office lays out its 2025 member list: the shapes real files come in (design.md §3). */
export interface Form2025 {
  memberSheet: string;
  titleRows: number;
  /** One `Xếp loại` column, or one column per level with an "x" (under a merged "Kết quả xếp loại"). */
  layout: 'single' | 'perLevel';
  /** Per-level columns headed HTXSNV… or by the full label. */
  levelHeaders: 'abbreviation' | 'label';
  /** Per-level form: one column per not-rated reason too, else a `Lý do không xếp loại` column. */
  reasonColumns: boolean;
  ratings: 'label' | 'abbreviation' | 'short';
  score: 'total' | 'parts' | 'partsAndTotal' | 'none';
  probationary: 'flag' | 'kind' | 'none';
  selfCorrectedColumn: boolean;
  /** Every text of the member sheet in NFD Unicode, as some keyboards type it. */
  nfd: boolean;
  yes: string;
  textDates: boolean;
  evaluationDate: boolean;
}

const SCORES: Form2025['score'][] = [
  'total',
  'partsAndTotal',
  'parts',
  'total',
  'partsAndTotal',
  'total',
  'none',
];
const YES = ['x', 'x', 'X', 'Có', '✓'];

/** The `index`-th unit's form (spread so that every variant occurs in each commune). */
export function form2025(index: number): Form2025 {
  const perLevel = index % 4 === 1;
  return {
    memberSheet:
      index % 9 === 4
        ? 'Sheet1'
        : index % 13 === 7
          ? 'Trang tính1'
          : index % 11 === 6
            ? 'DS đảng viên'
            : 'Đảng viên',
    titleRows: [0, 3, 0, 2, 1, 3][index % 6],
    layout: perLevel ? 'perLevel' : 'single',
    levelHeaders: index % 8 === 5 ? 'label' : 'abbreviation',
    reasonColumns: index % 3 !== 0,
    ratings: index % 10 === 3 ? 'abbreviation' : index % 10 === 7 ? 'short' : 'label',
    score: SCORES[index % SCORES.length],
    probationary: (['kind', 'flag', 'kind', 'flag', 'none'] as const)[index % 5],
    selfCorrectedColumn: index % 5 === 2,
    nfd: index % 17 === 3,
    yes: YES[index % YES.length],
    textDates: index % 6 === 2,
    evaluationDate: index % 7 !== 3,
  };
}
