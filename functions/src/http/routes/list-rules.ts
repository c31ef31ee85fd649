import type { OrganizationRating } from '../../../../core';
import type { AssignedTargetRow } from '../../store/targets';

/** How a list sent by a superior is checked entry by entry: what makes two entries the same, and how to name one. */
export interface ListRules<T> {
  keyOf: (row: T) => string;
  describe: (row: T) => string;
  unitOf: (row: T) => string;
  duplicated: string;
}

/** Targets, at the root or at any level: one target code once per organization. */
export const targetListRules: ListRules<AssignedTargetRow> = {
  keyOf: (r) => `${r.unit}\u0000${r.code}`,
  describe: (r) => `Chỉ tiêu ${r.code} của đơn vị ${r.unit}`,
  unitOf: (r) => r.unit,
  duplicated: 'Một chỉ tiêu được giao hai lần cho cùng đơn vị.',
};

/** Organization lists: each code once; `duplicated` names what the list holds at that level. */
export const organizationListRules = (duplicated: string): ListRules<OrganizationRating> => ({
  keyOf: (o) => o.code,
  describe: (o) => `Mã đơn vị ${o.code}`,
  unitOf: (o) => o.code,
  duplicated,
});
