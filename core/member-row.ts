import type { MemberRow } from './types';

/**
 * Member rows read from a sheet are made by a constructor rather than as an object literal: V8 then keeps
 * the fields set after it (card, dates, rating, groups…) inside the object, where a literal `{ row, name }`
 * puts them in a second array — one allocation a row instead of two. The prototype is Object's, so the
 * rows are the plain objects MemberRow describes (same prototype, constructor, keys and JSON).
 */
function MemberRowObject(this: MemberRow, row: number, name: string): void {
  this.row = row;
  this.name = name;
}
MemberRowObject.prototype = Object.prototype;

const MemberRowConstructor = MemberRowObject as unknown as new (row: number, name: string) => MemberRow;

export function newMemberRow(row: number, name: string): MemberRow {
  return new MemberRowConstructor(row, name);
}
