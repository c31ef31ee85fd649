import type { Firestore } from 'firebase-admin/firestore';
import type { OrganizationRating } from '../../../core';
import { paths } from './paths';

/** `years/{year}/organizations/current`: the superior level's rating of each grassroots organization. */
export interface OrganizationsDoc {
  year: number;
  organizations: OrganizationRating[];
  updatedAt: string;
  updatedBy: string;
}

export async function writeOrganizations(db: Firestore, doc: OrganizationsDoc): Promise<void> {
  await db.doc(paths.organizations(doc.year)).set(doc);
}

export async function readOrganizations(db: Firestore, year: number): Promise<OrganizationsDoc | null> {
  const snap = await db.doc(paths.organizations(year)).get();
  return snap.exists ? (snap.data() as OrganizationsDoc) : null;
}
