// The member sheet in its one-column-per-level form (a mark under HTXSNV | HTTNV | HTNV | KHTNV, two header
// rows) after "Kiểm tra dữ liệu" in the built add-on: a row marked twice and a row marked nowhere (its note open).
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { CellValue } from '../../core';
import { createAddonHost } from '../addon-host';
import { shootGrid } from './shoot';

const MEMBERS: [string, string, number, string, string][] = [
  // name, card, score, marked columns (by header), note
  ['Nguyễn Văn Hải', '01200311', 93, 'HTXSNV', ''],
  ['Trần Thị Lan', '01200327', 85, 'HTTNV', ''],
  ['Lê Đức Minh', '01200342', 75, 'HTTNV;HTNV', ''],
  ['Phạm Thị Hồng', '01200358', 81, 'HTTNV', ''],
  ['Hoàng Thị Mai', '01200379', 64, 'HTNV', ''],
  ['Đặng Văn Tùng', '', 0, 'Mới kết nạp', ''],
  ['Bùi Thị Thu', '01200384', 0, 'Miễn sinh hoạt', 'Tuổi cao, sức yếu'],
  ['Vũ Văn Long', '01200363', 82, '', ''],
];

const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Miễn sinh hoạt', 'Mới kết nạp'];

function memberSheet(): CellValue[][] {
  const group = [
    'STT',
    'Họ và tên',
    'Số thẻ đảng viên',
    'Điểm',
    'Kết quả xếp loại',
    '',
    '',
    '',
    'Không xếp loại',
    '',
    'Ghi chú',
  ];
  const columns = ['', '', '', '', ...LEVELS, ''];
  const rows = MEMBERS.map(([name, card, score, marks, note], i) => {
    const marked = marks.split(';');
    return [
      i + 1,
      name,
      card ? `'${card}` : '',
      score || '',
      ...LEVELS.map((l) => (marked.includes(l) ? 'x' : '')),
      note,
    ];
  });
  return [
    ['CHI BỘ THÔN ĐỒNG TÂM — DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
    group,
    columns,
    ...rows,
  ];
}

/** Draws `mau-moi-muc-mot-cot.png` into `out`. */
export async function levelColumnsPicture(browser: Browser, out: string): Promise<string> {
  const host = createAddonHost({
    workbook: {
      sheets: [
        {
          name: 'Thông tin',
          rows: [
            ['Mã đơn vị', 'CB05'],
            ['Tên đơn vị', 'Chi bộ Thôn Đồng Tâm'],
            ['Năm', 2025],
            ['Loại hình', 'Chi bộ cơ sở'],
          ],
        },
        { name: 'Đảng viên', rows: [] },
      ],
    },
  });
  // Typed in as a clerk would (card numbers as text), so the host reads them as Sheets does.
  const grid = memberSheet();
  const sheet = host.spreadsheet.sheet('Đảng viên');
  sheet
    .rangeView(1, 1, grid.length, 11)
    .setValues(grid.map((row) => [...row, ...Array(11 - row.length).fill('')]));
  [40, 150, 110, 50, 70, 70, 70, 70, 110, 100, 140].forEach((px, i) => sheet.widths.set(i + 1, px));
  host.run('validateData');
  const file = 'mau-moi-muc-mot-cot.png';
  await shootGrid(
    browser,
    host.spreadsheet,
    { sheet: 'Đảng viên', rows: grid.length + 6, columns: 11, openNote: 'E11' },
    join(out, file),
  );
  return file;
}
