/**
 * Members read from a sheet are kept by column, and `report.members` is made from the table when first read:
 * to every caller it must look like the plain array of plain objects it always was.
 */
import { checkUnitReport, readUnitWorkbook, type UnitReport } from '../../core';
import { goodMember, unitWorkbook } from './workbooks';

function readReport(): UnitReport {
  const read = readUnitWorkbook(
    unitWorkbook({
      members: [
        goodMember('Lê Văn An', { card: '01.0000001' }),
        goodMember('Trần Thị Bình', { card: '01.0000002' }),
      ],
    }),
  );
  if (!read.ok) throw new Error(read.message);
  return read.read.report;
}

describe('members kept by column', () => {
  test('the report looks like a plain object: its keys, its JSON, a spread copy (the member sheet has title rows)', () => {
    const report = readReport();
    expect(Object.keys(report).slice(0, 3)).toEqual(['year', 'unit', 'members']);
    expect(
      Object.getOwnPropertySymbols(report).filter((s) =>
        Object.prototype.propertyIsEnumerable.call(report, s),
      ),
    ).toEqual([]);
    const json = JSON.parse(JSON.stringify(report)) as UnitReport;
    expect(json.members).toEqual([
      { row: 5, name: 'Lê Văn An', card: '01.0000001', rating: 'good' },
      { row: 6, name: 'Trần Thị Bình', card: '01.0000002', rating: 'good' },
    ]);
    const copy = { ...report };
    expect(Object.getOwnPropertyDescriptor(copy, 'members')?.value).toEqual(json.members);
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(Object.getPrototypeOf(report.members[0])).toBe(Object.prototype);
    // Read twice, the same objects.
    expect(report.members[0]).toBe(report.members[0]);
  });

  test('rows changed or assigned after reading are what the checks see', () => {
    const changed = readReport();
    changed.members[1].card = '01.0000001';
    expect(checkUnitReport(changed).map((i) => i.code)).toContain('E_DUPLICATE_CARD');

    const assigned = readReport();
    expect(checkUnitReport(assigned)).toEqual([]);
    assigned.members = [...assigned.members, { name: 'Phạm Văn Cường' }];
    expect(assigned.members).toHaveLength(3);
    expect(checkUnitReport(assigned).map((i) => i.code)).toContain('E_NO_RATING');
  });
});
