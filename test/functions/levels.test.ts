/**
 * design.md §2.8, §4.2: every organization of the tree consolidates the one below it, from its units' reports
 * and its lower levels' stored consolidations; superiors act within their subtrees only.
 */
import {
  addTallies,
  consolidate,
  shareChange,
  type Consolidation,
  type OrganizationRating,
  type UnitSummary,
} from '../../core';
import { consolidateOrganization } from '../../functions/src/store/consolidate-level';
import { newReadCounter } from '../../functions/src/store/read-counter';
import { call, runScheduledConsolidation, tokenFor } from './api';
import { clearScope, closeFirestore, db, provision } from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(90_000);

const PREVIOUS = 2067;
const YEAR = 2068;
// A province over two communes; LV_CB12 was formed by merging two of last year's units.
const tree = [
  { code: 'LV_TINH', parent: null },
  { code: 'LV_XA1', parent: 'LV_TINH' },
  { code: 'LV_XA2', parent: 'LV_TINH' },
  { code: 'LV_CB11', parent: 'LV_XA1' },
  { code: 'LV_CB12', parent: 'LV_XA1' },
  { code: 'LV_CB21', parent: 'LV_XA2' },
  { code: 'LV_OLD1', parent: null },
  { code: 'LV_OLD2', parent: null },
];
const district = 'district@levels.test';
const commune1 = 'xa1@levels.test';
const province = 'tinh@levels.test';
const name = (code: string) => `Tổ chức ${code}`;

const communeList: OrganizationRating[] = [
  { code: 'LV_CB11', name: name('LV_CB11'), rating: 'good', group: 'Thôn' },
  {
    code: 'LV_CB12',
    name: name('LV_CB12'),
    rating: 'excellent',
    group: 'Thôn',
    mergedFrom: ['LV_OLD1', 'LV_OLD2'],
  },
];
const provinceList: OrganizationRating[] = [
  { code: 'LV_XA1', name: name('LV_XA1'), rating: 'excellent', group: 'Xã' },
  { code: 'LV_XA2', name: name('LV_XA2'), rating: 'good', group: 'Xã' },
];

const as = (email: string) => ({ token: tokenFor(email) });
const submit = async (year: number, code: string, members: number, variant: number) => {
  const sent = await call('POST', '/v1/reports', {
    ...as(district),
    json: buildReport(year, code, { members, variant }),
  });
  expect(sent.status).toBe(201);
};
const levelDoc = async (code: string) => (await db().doc(`years/${YEAR}/levels/${code}`).get()).data();

beforeAll(async () => {
  await clearScope({
    years: [PREVIOUS, YEAR],
    ids: [...tree.map((t) => t.code), district, commune1, province],
  });
  await provision({
    units: tree.map(({ code, parent }) => ({ code, name: name(code), parent })),
    users: [
      { email: district, role: 'district' },
      { email: commune1, role: 'superior', orgs: ['LV_XA1'] },
      { email: province, role: 'superior', orgs: ['LV_TINH'] },
    ],
    years: [PREVIOUS, YEAR],
  });
  await submit(PREVIOUS, 'LV_OLD1', 10, 1);
  await submit(PREVIOUS, 'LV_OLD2', 7, 4);
  expect((await call('POST', `/v1/consolidate/${PREVIOUS}`, as(district))).status).toBe(200);
  await submit(YEAR, 'LV_CB11', 9, 0);
  await submit(YEAR, 'LV_CB12', 14, 2);
  await submit(YEAR, 'LV_CB21', 6, 5);
  const lists = [
    ['PUT', `/v1/organizations/${YEAR}/LV_XA1`, commune1, communeList],
    ['PUT', `/v1/organizations/${YEAR}/LV_TINH`, province, provinceList],
    // The province assigns targets inside its subtree, to a commune's units.
    [
      'PUT',
      `/v1/targets/${YEAR}/LV_XA1`,
      province,
      [{ unit: 'LV_CB11', code: 'KET_NAP_DANG_VIEN', target: 3 }],
    ],
  ] as const;
  for (const [method, path, email, json] of lists)
    expect((await call(method, path, { ...as(email), json })).status).toBe(200);
});
afterAll(closeFirestore);

describe('a superior acts within its subtree only', () => {
  test('a commune’s superior gets 403 on another commune’s reports and consolidations, and writes nothing', async () => {
    const refused = [
      await call('POST', `/v1/consolidate/${YEAR}/LV_XA2`, as(commune1)),
      await call('GET', `/v1/consolidated/${YEAR}/LV_XA2`, as(commune1)),
      await call('GET', `/v1/reports/${YEAR}/LV_CB21`, as(commune1)),
      await call('POST', `/v1/consolidate/${YEAR}/LV_TINH`, as(commune1)),
      await call('PUT', `/v1/organizations/${YEAR}/LV_XA2`, { ...as(commune1), json: [] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refused[0].body.error).toEqual({
      code: 'FORBIDDEN',
      message: `Tài khoản ${commune1} không có quyền với tổ chức LV_XA2.`,
    });
    expect((await levelDoc('LV_XA2'))?.consolidation).toBeUndefined();
    expect((await levelDoc('LV_XA2'))?.organizations).toBeUndefined();

    const own = await call('POST', `/v1/consolidate/${YEAR}/LV_XA1`, as(commune1));
    expect(own.status).toBe(200);
    expect(own.body.organization).toMatchObject({ code: 'LV_XA1', name: name('LV_XA1'), parent: 'LV_TINH' });
    expect(own.body.children.map((c: { code: string; isUnit: boolean }) => [c.code, c.isUnit])).toEqual([
      ['LV_CB11', true],
      ['LV_CB12', true],
    ]);
    expect(own.body.missing).toEqual([]);
    expect(own.body.units.count).toBe(2);
  });

  test('the province sees every report and every level below it', async () => {
    const whole = await call('POST', `/v1/consolidate/${YEAR}/LV_TINH`, as(province));
    expect(whole.status).toBe(200);
    expect(whole.body.units.count).toBe(3);
    expect(whole.body.children.map((c: { code: string; isUnit: boolean }) => [c.code, c.isUnit])).toEqual([
      ['LV_XA1', false],
      ['LV_XA2', false],
    ]);
    for (const path of [
      `/v1/consolidated/${YEAR}/LV_XA2`,
      `/v1/consolidated/${YEAR}/LV_XA1`,
      `/v1/reports/${YEAR}/LV_CB21`,
      `/v1/targets/${YEAR}/LV_XA1`,
    ])
      expect([path, (await call('GET', path, as(province))).status]).toEqual([path, 200]);
  });

  test('lists name only organizations directly below; an unknown organization is 404; refusals write nothing', async () => {
    const before = await levelDoc('LV_XA1');
    const outside = await call('PUT', `/v1/organizations/${YEAR}/LV_XA1`, {
      ...as(province),
      json: [...communeList, { code: 'LV_CB21', name: 'x', rating: 'good' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('NOT_DIRECTLY_BELOW');
    expect(outside.body.error.message).toBe('Có 1 đơn vị không trực thuộc tổ chức LV_XA1: LV_CB21.');
    expect(await levelDoc('LV_XA1')).toEqual(before);
    const unknown = await call('POST', `/v1/consolidate/${YEAR}/LV_KHONG_CO`, as(district));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_ORGANIZATION');
  });
});

test('a merged unit’s change against last year is against the sum of its predecessors', async () => {
  const answer = await call('GET', `/v1/consolidated/${YEAR}/LV_XA1`, as(commune1));
  const summary = async (year: number, code: string): Promise<UnitSummary> =>
    (await call('GET', `/v1/reports/${year}/${code}`, as(district))).body.summary;
  const [now, old1, old2] = await Promise.all([
    summary(YEAR, 'LV_CB12'),
    summary(PREVIOUS, 'LV_OLD1'),
    summary(PREVIOUS, 'LV_OLD2'),
  ]);
  const merged = answer.body.byUnit.find((u: { code: string }) => u.code === 'LV_CB12');
  expect(merged.mergedFrom).toEqual(['LV_OLD1', 'LV_OLD2']);
  const againstSum = shareChange(now.members, addTallies([old1.members, old2.members]));
  expect(merged.change).toEqual(againstSum);
  // Not the change against one predecessor alone.
  expect(merged.change).not.toEqual(shareChange(now.members, old1.members));
  // LV_CB11 existed under no other code: nothing to compare with.
  expect(answer.body.byUnit.find((u: { code: string }) => u.code === 'LV_CB11').change).toBeNull();
});

describe('a roll-up reads its children’s stored consolidations', () => {
  const flat = async (): Promise<Consolidation> => {
    const summaries: UnitSummary[] = [];
    for (const code of ['LV_CB11', 'LV_CB12', 'LV_CB21'])
      summaries.push((await call('GET', `/v1/reports/${YEAR}/${code}`, as(district))).body.summary);
    const previous = (await call('GET', `/v1/consolidated/${PREVIOUS}`, as(district))).body;
    return consolidate(summaries, {
      year: YEAR,
      district: { organizations: [...provinceList, ...communeList], assignedTargets: [] },
      organization: { code: 'LV_TINH', name: name('LV_TINH') },
      previous,
    });
  };

  test('after one unit below submits a new version: only its commune is recomputed, and the result equals the flat one', async () => {
    expect((await call('POST', `/v1/consolidate/${YEAR}/LV_TINH`, as(province))).status).toBe(200);
    const before = await levelDoc('LV_TINH');
    await submit(YEAR, 'LV_CB11', 11, 3);
    const [xa1, xa2] = [await levelDoc('LV_XA1'), await levelDoc('LV_XA2')];
    expect(xa1!.changed).not.toBe(xa1!.basis);
    expect(xa2!.changed).toBe(xa2!.basis);

    const counter = newReadCounter();
    const done = await consolidateOrganization(
      db(),
      YEAR,
      { code: 'LV_TINH', name: name('LV_TINH'), parent: null },
      () => new Date(),
      counter,
    );
    expect(done.ok).toBe(true);
    const rolled = done.ok ? done.value.consolidation! : null!;
    // Two children: their two level documents, and at most 5 more (own level, lists, last year).
    expect(counter.byOrganization.LV_TINH).toBeLessThanOrEqual(2 + 5);
    expect(counter.byOrganization.LV_XA1).toBeLessThanOrEqual(2 + 5);
    expect(counter.byOrganization.LV_XA2).toBeUndefined();
    expect(done.ok && done.value.version).toBe(before!.version + 1);

    const expected = await flat();
    const byCode = <T extends { code: string }>(list: T[]) =>
      [...list].sort((a, b) => a.code.localeCompare(b.code));
    expect(rolled.units.count).toBe(3);
    expect([...rolled.units.codes].sort()).toEqual([...expected.units.codes].sort());
    expect(rolled.units.byKind).toEqual(expected.units.byKind);
    expect(rolled.members).toEqual(expected.members);
    expect(rolled.groups).toEqual(expected.groups);
    expect(rolled.cells).toEqual(expected.cells);
    // Organizations by tier: the commune's ratings of its units, apart from the province's of the communes (the
    // flat call above has both lists in one, so it is not the reference for these).
    const counts = (excellent: number, good: number) => ({ excellent, good, complete: 0, notComplete: 0 });
    expect(rolled.organizations?.counts).toEqual(counts(1, 1));
    expect(Object.keys(rolled.organizationGroups ?? {})).toEqual(['Thôn']);
    expect(
      rolled.upperOrganizations?.map((t) => [t.organizations?.counts, Object.keys(t.groups ?? {})]),
    ).toEqual([[counts(1, 1), ['Xã']]]);
    expect(byCode(rolled.byUnit)).toEqual(byCode(expected.byUnit));
    expect(rolled.change).toEqual(expected.change);
    // Same actuals; the target the province assigned in the commune's list counts once.
    const actuals = (c: Consolidation) =>
      c.targets.filter((t) => t.actual !== null).map((t) => [t.code, t.actual]);
    expect(actuals(rolled)).toEqual(actuals(expected));
    expect(rolled.targets.find((t) => t.code === 'KET_NAP_DANG_VIEN')!.target).toBe(3);
    expect(rolled.byUnit.find((u) => u.code === 'LV_CB11')!.members.total).toBe(11);
  });

  test('the scheduled function refreshes the stale levels bottom-up and keeps the old versions', async () => {
    await submit(YEAR, 'LV_CB21', 8, 1);
    const before = await levelDoc('LV_XA2');
    expect(before!.changed).not.toBe(before!.basis);
    expect(await runScheduledConsolidation()).toBe(200);
    const [xa2, tinh] = [await levelDoc('LV_XA2'), await levelDoc('LV_TINH')];
    expect(xa2!.changed).toBe(xa2!.basis);
    expect(tinh!.changed).toBe(tinh!.basis);
    expect(xa2!.version).toBe(before!.version + 1);
    expect(xa2!.inputs).toEqual({ LV_CB21: 2 });
    expect(tinh!.consolidation.byUnit.find((u: { code: string }) => u.code === 'LV_CB21').members.total).toBe(
      8,
    );
    const kept = await db().collection(`years/${YEAR}/levels/LV_XA2/consolidations`).get();
    expect(kept.docs.map((d) => d.id).sort()).toEqual(['1', '2']);
  });
});

test('a new list of the level above marks the levels it names stale: their Khối and Sáp nhập từ come from it', async () => {
  expect((await call('POST', `/v1/consolidate/${YEAR}/LV_TINH`, as(province))).status).toBe(200);
  const before = (await call('GET', `/v1/consolidated/${YEAR}/LV_XA1`, as(commune1))).body;
  expect(before.organization.group).toBe('Xã');
  expect(before.change).toBeNull();
  expect(before.warnings.map((w: { code: string }) => w.code)).toContain('W_CHANGE_UNAVAILABLE');

  // The province learns that LV_XA1 was formed from last year's two units.
  const merged = provinceList.map((o) =>
    o.code === 'LV_XA1' ? { ...o, group: 'Xã, phường', mergedFrom: ['LV_OLD1', 'LV_OLD2'] } : o,
  );
  const put = await call('PUT', `/v1/organizations/${YEAR}/LV_TINH`, { ...as(province), json: merged });
  expect(put.status).toBe(200);
  const stale = await levelDoc('LV_XA1');
  expect(stale!.changed).not.toBe(stale!.basis);

  expect((await call('POST', `/v1/consolidate/${YEAR}/LV_TINH`, as(province))).status).toBe(200);
  const after = (await call('GET', `/v1/consolidated/${YEAR}/LV_XA1`, as(commune1))).body;
  expect(after.organization).toMatchObject({ group: 'Xã, phường', mergedFrom: ['LV_OLD1', 'LV_OLD2'] });
  expect(after.warnings.map((w: { code: string }) => w.code)).not.toContain('W_CHANGE_UNAVAILABLE');
  const old = async (code: string): Promise<UnitSummary> =>
    (await call('GET', `/v1/reports/${PREVIOUS}/${code}`, as(district))).body.summary;
  const base = addTallies([(await old('LV_OLD1')).members, (await old('LV_OLD2')).members]);
  expect(after.change.members).toEqual(shareChange(after.members, base));
});
