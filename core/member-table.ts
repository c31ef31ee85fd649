import { isValidIsoDate } from './cells';
import { newMemberRow } from './member-row';
import { emptyCounts, type TallyCounts } from './tally';
import { foldedKeyHash, isBlankText } from './text';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type MemberRow,
  type NotRatedReason,
  type RatingLevel,
} from './types';

/**
 * The members of one sheet held by column: sheet row numbers, codes and flags in typed arrays, names, card
 * numbers, days and notes as the strings read from the cells. A million member objects cost their
 * allocation and, above all, their promotion to the old generation at every scavenge (≈ 90 bytes a row
 * kept alive); checks and tallies only need the columns. The MemberRow objects a caller may ask for
 * (`report.members`) are made from the table on first use (`lazyMembers`), field by field in the order the
 * row parser sets them, so they are the same objects, keys and JSON as rows read one object at a time.
 *
 * What the checks ask of every row is worked out as the row is appended, while its cells' strings are
 * still in the processor's cache: the key hashes of the name and the card number (the duplicate checks),
 * whether the row has a name, and whether its days are real days. The checks then read the table in order
 * and do not go back to a million strings scattered over the heap.
 */
export class MemberTable {
  length = 0;
  private readonly rows: Int32Array;
  private readonly flags: Uint8Array;
  /** NAMED, HAS_CARD, NOT_A_DAY: what the checks ask of every row. */
  private readonly checks: Uint8Array;
  private readonly ratings: Uint8Array;
  private readonly reasons: Uint8Array;
  private readonly names: string[];
  private readonly nameHashes: Int32Array;
  private readonly cards: (string | undefined)[] | null;
  private readonly cardHashes: Int32Array | null;
  private readonly cells: (string | undefined)[] | null;
  private readonly notes: (string | undefined)[] | null;
  private readonly birthDates: (string | undefined)[] | null;
  private readonly admissions: (string | undefined)[] | null;
  private readonly scores: Float64Array | null;
  private readonly generalScores: Float64Array | null;
  private readonly taskScores: Float64Array | null;
  private readonly groupLists: (string[] | undefined)[] | null;
  /** Indexes of the rows with group tags, in order. */
  private readonly grouped: number[] = [];
  private materialized: MemberRow[] | null = null;

  /** `capacity`: at most how many rows will be appended; `fields`: the fields (MemberRow keys) the sheet can fill. */
  constructor(capacity: number, fields: ReadonlySet<string>) {
    const size = Math.max(0, capacity);
    this.rows = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.checks = new Uint8Array(size);
    this.ratings = new Uint8Array(size);
    this.reasons = new Uint8Array(size);
    // Arrays made at their full length and filled in order stay fast (holey) arrays, and are not copied
    // as they grow: a million rows pushed one by one allocate about three times the final array.
    this.names = new Array<string>(size);
    this.nameHashes = new Int32Array(size);
    this.cards = fields.has('card') ? new Array<string | undefined>(size) : null;
    this.cardHashes = fields.has('card') ? new Int32Array(size) : null;
    this.cells = fields.has('cell') ? new Array<string | undefined>(size) : null;
    this.notes = fields.has('note') ? new Array<string | undefined>(size) : null;
    this.birthDates = fields.has('birthDate') ? new Array<string | undefined>(size) : null;
    this.admissions = fields.has('admittedOn') ? new Array<string | undefined>(size) : null;
    this.scores = fields.has('score') ? new Float64Array(size) : null;
    this.generalScores = fields.has('scoreGeneral') ? new Float64Array(size) : null;
    this.taskScores = fields.has('scoreTasks') ? new Float64Array(size) : null;
    this.groupLists = fields.has('groups') ? new Array<string[] | undefined>(size) : null;
  }

  /**
   * Appends the row the parser filled in `row` (a view: every field set, undefined when absent). A field the
   * table has no column for must be absent. `probationaryByType`: set by `Loại đảng viên` rather than by the
   * `Đảng viên dự bị` column, which places the key after `selfCorrected` in the row object. `nameHash` and
   * `cardHash`: the key hashes of the name and card number when the parser has them (cleanTextKeyHash).
   */
  append(row: MemberRow, probationaryByType: boolean, nameHash?: number, cardHash?: number): void {
    const at = this.length++;
    const { name, card, birthDate, admittedOn } = row;
    this.rows[at] = row.row!;
    this.names[at] = name;
    const named = !isBlankText(name);
    if (named) this.nameHashes[at] = nameHash ?? foldedKeyHash(name, false);
    if (card) this.cardHashes![at] = cardHash ?? foldedKeyHash(card, true);
    this.flags[at] =
      (row.disciplined ? DISCIPLINED : 0) |
      (row.sickLeave ? SICK_LEAVE : 0) |
      (row.probationary ? PROBATIONARY : 0) |
      (row.selfCorrected ? SELF_CORRECTED : 0) |
      (probationaryByType ? PROBATIONARY_BY_TYPE : 0);
    this.checks[at] =
      (named ? NAMED : 0) |
      (card ? HAS_CARD : 0) |
      ((birthDate !== undefined && !isValidIsoDate(birthDate)) ||
      (admittedOn !== undefined && !isValidIsoDate(admittedOn))
        ? NOT_A_DAY
        : 0);
    this.ratings[at] = codeOf(RATING_LEVELS, row.rating);
    this.reasons[at] = codeOf(NOT_RATED_REASONS, row.reason);
    // Absent fields are stored as undefined, so that reading a row back never opens a string.
    if (this.cards) this.cards[at] = card;
    if (this.cells) this.cells[at] = row.cell;
    if (this.notes) this.notes[at] = row.note;
    if (this.birthDates) this.birthDates[at] = birthDate;
    if (this.admissions) this.admissions[at] = admittedOn;
    if (this.scores) this.scores[at] = row.score ?? NaN;
    if (this.generalScores) this.generalScores[at] = row.scoreGeneral ?? NaN;
    if (this.taskScores) this.taskScores[at] = row.scoreTasks ?? NaN;
    if (this.groupLists) this.groupLists[at] = row.groups;
    if (row.groups) this.grouped.push(at);
  }

  /** Fills `into` (a view from `memberView`) with the row at `index` and returns it. */
  read(index: number, into: MemberRow): MemberRow {
    const flags = this.flags[index];
    into.row = this.rows[index];
    into.name = this.names[index];
    into.card = this.cards ? this.cards[index] : undefined;
    into.cell = this.cells ? this.cells[index] : undefined;
    into.note = this.notes ? this.notes[index] : undefined;
    into.birthDate = this.birthDates ? this.birthDates[index] : undefined;
    into.admittedOn = this.admissions ? this.admissions[index] : undefined;
    into.disciplined = flags & DISCIPLINED ? true : undefined;
    into.sickLeave = flags & SICK_LEAVE ? true : undefined;
    into.probationary = flags & PROBATIONARY ? true : undefined;
    into.selfCorrected = flags & SELF_CORRECTED ? true : undefined;
    into.score = this.scores ? numberOrAbsent(this.scores[index]) : undefined;
    into.scoreGeneral = this.generalScores ? numberOrAbsent(this.generalScores[index]) : undefined;
    into.scoreTasks = this.taskScores ? numberOrAbsent(this.taskScores[index]) : undefined;
    into.groups = this.groupLists ? this.groupLists[index] : undefined;
    into.rating = this.ratingAt(index);
    into.reason = this.reasonAt(index);
    return into;
  }

  name(index: number): string {
    return this.names[index];
  }

  card(index: number): string | undefined {
    return this.cards ? this.cards[index] : undefined;
  }

  /**
   * Writes the index and key hash (as unsigned) of each row that has a card number (`card`) or a name, in
   * order, for firstRowsByKeys; returns how many.
   */
  keyedRows(card: boolean, keys: Uint32Array, rows: Int32Array): number {
    const bit = card ? HAS_CARD : NAMED;
    const hashes = card ? this.cardHashes : this.nameHashes;
    if (!hashes) return 0;
    let taking = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.checks[i] & bit) {
        keys[taking] = hashes[i] >>> 0;
        rows[taking++] = i;
      }
    }
    return taking;
  }

  /** Whether the name is not blank. */
  named(index: number): boolean {
    return (this.checks[index] & NAMED) !== 0;
  }

  /** Whether the row's days are all real YYYY-MM-DD days (codes and name are always valid in a table). */
  allKnown(index: number): boolean {
    return (this.checks[index] & NOT_A_DAY) === 0;
  }

  ratingAt(index: number): RatingLevel | undefined {
    const code = this.ratings[index];
    return code ? RATING_LEVELS[code - 1] : undefined;
  }

  reasonAt(index: number): NotRatedReason | undefined {
    const code = this.reasons[index];
    return code ? NOT_RATED_REASONS[code - 1] : undefined;
  }

  groupsAt(index: number): string[] | undefined {
    return this.groupLists ? this.groupLists[index] : undefined;
  }

  /** The indexes of the rows that have group tags (most rows have none). */
  groupedRows(): readonly number[] {
    return this.grouped;
  }

  /** Whether the sheet has a score column at all (else no row has a score). */
  get scored(): boolean {
    return this.scores !== null || this.generalScores !== null || this.taskScores !== null;
  }

  /** What `countRows` gives for these rows (all of them, or those at `indexes`). */
  counts(indexes?: readonly number[]): TallyCounts {
    // Counted by code in one small array, then named: a keyed increment a row cost more than the loop.
    const byCode = new Int32Array(COUNT_SLOTS);
    const length = indexes ? indexes.length : this.length;
    for (let i = 0; i < length; i++) {
      const index = indexes ? indexes[i] : i;
      const rating = this.ratings[index];
      const slot = rating ? rating : this.reasons[index] ? REASON_SLOT + this.reasons[index] : 0;
      if (slot === 0) continue;
      byCode[slot]++;
      if (this.flags[index] & PROBATIONARY) byCode[rating ? PROBATIONARY_RATED_SLOT : PROBATIONARY_SLOT]++;
    }
    const result = emptyCounts();
    for (let code = 1; code <= RATING_LEVELS.length; code++)
      result.counts[RATING_LEVELS[code - 1]] = byCode[code];
    for (let code = 1; code <= NOT_RATED_REASONS.length; code++)
      result.notRated[NOT_RATED_REASONS[code - 1]] = byCode[REASON_SLOT + code];
    result.probationary.evaluated = byCode[PROBATIONARY_RATED_SLOT];
    result.probationary.total = byCode[PROBATIONARY_SLOT] + byCode[PROBATIONARY_RATED_SLOT];
    return result;
  }

  /** The rows as MemberRow objects, made once: the keys in the order the row parser sets them. */
  toRows(): MemberRow[] {
    if (this.materialized) return this.materialized;
    const rows: MemberRow[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) rows[i] = this.rowObject(i);
    this.materialized = rows;
    return rows;
  }

  get isMaterialized(): boolean {
    return this.materialized !== null;
  }

  private rowObject(i: number): MemberRow {
    const member = newMemberRow(this.rows[i], this.names[i]);
    const flags = this.flags[i];
    if (this.cards && this.cards[i]) member.card = this.cards[i];
    if (this.cells && this.cells[i]) member.cell = this.cells[i];
    if (this.notes && this.notes[i]) member.note = this.notes[i];
    if (this.birthDates && this.birthDates[i]) member.birthDate = this.birthDates[i];
    if (this.admissions && this.admissions[i]) member.admittedOn = this.admissions[i];
    if (flags & DISCIPLINED) member.disciplined = true;
    if (flags & SICK_LEAVE) member.sickLeave = true;
    if (flags & PROBATIONARY && !(flags & PROBATIONARY_BY_TYPE)) member.probationary = true;
    if (flags & SELF_CORRECTED) member.selfCorrected = true;
    if (flags & PROBATIONARY_BY_TYPE) member.probationary = true;
    if (this.scores && !Number.isNaN(this.scores[i])) member.score = this.scores[i];
    if (this.generalScores && !Number.isNaN(this.generalScores[i]))
      member.scoreGeneral = this.generalScores[i];
    if (this.taskScores && !Number.isNaN(this.taskScores[i])) member.scoreTasks = this.taskScores[i];
    if (this.groupLists && this.groupLists[i]) member.groups = this.groupLists[i];
    if (this.ratings[i]) member.rating = RATING_LEVELS[this.ratings[i] - 1];
    if (this.reasons[i]) member.reason = NOT_RATED_REASONS[this.reasons[i] - 1];
    return member;
  }
}

const DISCIPLINED = 1;
const SICK_LEAVE = 2;
const PROBATIONARY = 4;
const SELF_CORRECTED = 8;
const PROBATIONARY_BY_TYPE = 16;
/** Slots of `counts`: 1–4 the ratings, 5–8 the reasons, then probationary members not rated and rated. */
const REASON_SLOT = RATING_LEVELS.length;
const PROBATIONARY_SLOT = REASON_SLOT + NOT_RATED_REASONS.length + 1;
const PROBATIONARY_RATED_SLOT = PROBATIONARY_SLOT + 1;
const COUNT_SLOTS = PROBATIONARY_RATED_SLOT + 1;
const NAMED = 1;
const HAS_CARD = 2;
const NOT_A_DAY = 4;

/** 1 + the value's place in the list, 0 when absent: four codes are compared faster than a Map hashes one. */
function codeOf(list: readonly string[], value: string | undefined): number {
  if (value === undefined) return 0;
  for (let i = 0; i < list.length; i++) if (list[i] === value) return i + 1;
  return 0;
}

function numberOrAbsent(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/**
 * A row object with every MemberRow field set (undefined when absent), always in the same order: filled
 * row after row by the parser and by `MemberTable.read`, it keeps one shape and is never handed out.
 */
export function memberView(): MemberRow {
  return clearMemberView({ name: '' }, 0, '');
}

export function clearMemberView(view: MemberRow, row: number, name: string): MemberRow {
  view.row = row;
  view.name = name;
  view.card = undefined;
  view.cell = undefined;
  view.note = undefined;
  view.birthDate = undefined;
  view.admittedOn = undefined;
  view.disciplined = undefined;
  view.sickLeave = undefined;
  view.probationary = undefined;
  view.selfCorrected = undefined;
  view.score = undefined;
  view.scoreGeneral = undefined;
  view.scoreTasks = undefined;
  view.groups = undefined;
  view.rating = undefined;
  view.reason = undefined;
  return view;
}

/** Where a holder (a report, a parse result) keeps its table while `members` is still only that table. */
const PENDING_TABLE = Symbol('member table');
/** Where a holder keeps the `members` assigned after `lazyMembers`. */
const ASSIGNED_MEMBERS = Symbol('assigned members');

interface LazyHolder {
  [PENDING_TABLE]?: MemberTable;
  [ASSIGNED_MEMBERS]?: MemberRow[];
}

// One getter and one setter for every holder, and the table kept on the holder itself (under a symbol, so
// neither JSON nor a spread sees it). Accessors made per holder (closures over its table), or tables kept in
// a module's WeakMap, are reached from the old generation, where V8 keeps hidden classes and long-lived
// maps: every young-generation collection then found the recent tables alive through them and promoted them
// (the CLI reading 850 files: 82 MB promoted instead of 9, a peak of 112 MB instead of 78).
function readMembers(this: LazyHolder): MemberRow[] {
  return this[ASSIGNED_MEMBERS] ?? this[PENDING_TABLE]!.toRows();
}

function writeMembers(this: LazyHolder, value: MemberRow[]): void {
  this[PENDING_TABLE] = undefined;
  this[ASSIGNED_MEMBERS] = value;
}

const MEMBERS_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get: readMembers,
  set: writeMembers,
};

/**
 * Makes `holder.members` an accessor that builds the MemberRow objects from `table` when first read (the
 * table keeps them); assigning `members` replaces them as with a plain property. The key keeps its place.
 */
export function lazyMembers(holder: { members: MemberRow[] }, table: MemberTable): void {
  Object.defineProperty(holder, PENDING_TABLE, { value: table, writable: true });
  Object.defineProperty(holder, ASSIGNED_MEMBERS, { value: undefined, writable: true });
  Object.defineProperty(holder, 'members', MEMBERS_ACCESSOR);
}

/**
 * The members of a report as checks and tallies read them: the table while no MemberRow object has been
 * made from it (nothing can have changed them), else the rows themselves.
 */
export function membersOf(holder: { members: MemberRow[] }): MemberRow[] | MemberTable {
  const table = (holder as LazyHolder)[PENDING_TABLE];
  return table && !table.isMaterialized ? table : holder.members;
}
