import type { UnitKind } from '../../core';

export type UnitCategory = 'commune' | 'highSchool' | 'agency' | 'armed' | 'health' | 'enterprise';

export interface CatalogueUnit {
  code: string;
  name: string;
  kind: UnitKind;
  category: UnitCategory;
  /** Nominal member count range; communes share what the others leave of the total. */
  size: [number, number];
  /** Subordinate cells of a non-commune đảng bộ (communes get theirs from their villages). */
  cells?: string[];
}

const BRANCH: UnitKind = 'Đảng bộ cơ sở';
const CELL: UnitKind = 'Chi bộ cơ sở';

const TOWNS = ['Chúc Sơn', 'Xuân Mai'];
const COMMUNES = [
  'Đại Yên',
  'Đông Phương Yên',
  'Đông Sơn',
  'Đồng Lạc',
  'Đồng Phú',
  'Hòa Chính',
  'Hoàng Diệu',
  'Hoàng Văn Thụ',
  'Hồng Phong',
  'Hợp Đồng',
  'Hữu Văn',
  'Lam Điền',
  'Mỹ Lương',
  'Nam Phương Tiến',
  'Ngọc Hòa',
  'Phú Nam An',
  'Phú Nghĩa',
  'Phụng Châu',
  'Quảng Bị',
  'Tân Tiến',
  'Thanh Bình',
  'Thủy Xuân Tiên',
  'Thụy Hương',
  'Thượng Vực',
  'Tiên Phương',
  'Tốt Động',
  'Trần Phú',
  'Trung Hòa',
  'Trường Yên',
  'Văn Võ',
];

const OTHER_BRANCHES: Omit<CatalogueUnit, 'code' | 'kind'>[] = [
  {
    name: 'Đảng bộ Cơ quan Huyện ủy Chương Mỹ',
    category: 'agency',
    size: [85, 95],
    cells: [
      'Chi bộ Văn phòng Huyện ủy',
      'Chi bộ Ban Tổ chức',
      'Chi bộ Ban Tuyên giáo',
      'Chi bộ Ban Dân vận',
      'Chi bộ Ủy ban Kiểm tra',
    ],
  },
  {
    name: 'Đảng bộ Cơ quan Ủy ban nhân dân huyện Chương Mỹ',
    category: 'agency',
    size: [190, 210],
    cells: [
      'Chi bộ Văn phòng HĐND và UBND',
      'Chi bộ Phòng Tài chính – Kế hoạch',
      'Chi bộ Phòng Giáo dục và Đào tạo',
      'Chi bộ Phòng Tài nguyên và Môi trường',
      'Chi bộ Phòng Kinh tế',
      'Chi bộ Phòng Quản lý đô thị',
      'Chi bộ Phòng Nội vụ',
      'Chi bộ Phòng Lao động – Thương binh và Xã hội',
      'Chi bộ Thanh tra huyện',
      'Chi bộ Phòng Tư pháp',
    ],
  },
  {
    name: 'Đảng bộ Công an huyện Chương Mỹ',
    category: 'armed',
    size: [225, 245],
    cells: [
      'Chi bộ Đội Tham mưu',
      'Chi bộ Đội An ninh',
      'Chi bộ Đội Cảnh sát hình sự',
      'Chi bộ Đội Cảnh sát giao thông',
      'Chi bộ Đội Cảnh sát quản lý hành chính',
      'Chi bộ Đội Cảnh sát điều tra tội phạm về ma túy',
      'Chi bộ Đội Cảnh sát kinh tế',
      'Chi bộ Nhà tạm giữ',
    ],
  },
  {
    name: 'Đảng bộ Quân sự huyện Chương Mỹ',
    category: 'armed',
    size: [65, 75],
    cells: [
      'Chi bộ Ban Tham mưu',
      'Chi bộ Ban Chính trị',
      'Chi bộ Ban Hậu cần – Kỹ thuật',
      'Chi bộ Trung đội Dân quân cơ động',
      'Chi bộ Kho',
    ],
  },
  {
    name: 'Đảng bộ Bệnh viện Đa khoa huyện Chương Mỹ',
    category: 'health',
    size: [140, 155],
    cells: [
      'Chi bộ Khoa Nội',
      'Chi bộ Khoa Ngoại',
      'Chi bộ Khoa Sản',
      'Chi bộ Khoa Cấp cứu – Hồi sức',
      'Chi bộ Khoa Nhi',
      'Chi bộ Khoa Xét nghiệm – Chẩn đoán hình ảnh',
      'Chi bộ Phòng Kế hoạch tổng hợp',
      'Chi bộ Phòng Tổ chức – Hành chính',
    ],
  },
  {
    name: 'Đảng bộ Trung tâm Y tế huyện Chương Mỹ',
    category: 'health',
    size: [110, 125],
    cells: [
      'Chi bộ Khoa Kiểm soát bệnh tật',
      'Chi bộ Khoa An toàn thực phẩm',
      'Chi bộ Phòng Hành chính – Tổng hợp',
      'Chi bộ Trạm Y tế thị trấn Chúc Sơn',
      'Chi bộ Trạm Y tế thị trấn Xuân Mai',
      'Chi bộ Khoa Dược',
      'Chi bộ Khoa Dân số',
    ],
  },
  {
    name: 'Đảng bộ Công ty Cổ phần Bê tông và Xây dựng Xuân Mai',
    category: 'enterprise',
    size: [75, 90],
    cells: [
      'Chi bộ Văn phòng Công ty',
      'Chi bộ Nhà máy Bê tông',
      'Chi bộ Xí nghiệp Xây lắp số 1',
      'Chi bộ Xí nghiệp Xây lắp số 2',
      'Chi bộ Xí nghiệp Cơ giới',
    ],
  },
  {
    name: 'Đảng bộ Ban Quản lý dự án đầu tư xây dựng huyện Chương Mỹ',
    category: 'agency',
    size: [40, 48],
    cells: ['Chi bộ Phòng Kế hoạch – Tổng hợp', 'Chi bộ Phòng Kỹ thuật', 'Chi bộ Phòng Tài chính – Kế toán'],
  },
  {
    name: 'Đảng bộ Khối Mặt trận Tổ quốc và các đoàn thể huyện Chương Mỹ',
    category: 'agency',
    size: [55, 65],
    cells: [
      'Chi bộ Ủy ban MTTQ huyện',
      'Chi bộ Huyện đoàn',
      'Chi bộ Hội Liên hiệp Phụ nữ',
      'Chi bộ Hội Nông dân',
      'Chi bộ Hội Cựu chiến binh',
      'Chi bộ Liên đoàn Lao động',
    ],
  },
];

const GRASSROOTS_CELLS: [string, UnitCategory, [number, number]][] = [
  ['Chi bộ Trường THPT Chương Mỹ A', 'highSchool', [45, 55]],
  ['Chi bộ Trường THPT Chương Mỹ B', 'highSchool', [40, 50]],
  ['Chi bộ Trường THPT Chúc Động', 'highSchool', [35, 45]],
  ['Chi bộ Trường THPT Xuân Mai', 'highSchool', [40, 50]],
  ['Chi bộ Trường THPT Nguyễn Văn Trỗi', 'highSchool', [30, 40]],
  ['Chi bộ Trường THPT Ngô Sĩ Liên', 'highSchool', [25, 35]],
  ['Chi bộ Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện Chương Mỹ', 'agency', [22, 28]],
  ['Chi bộ Trung tâm Chính trị huyện Chương Mỹ', 'agency', [16, 20]],
  ['Chi bộ Viện Kiểm sát nhân dân huyện Chương Mỹ', 'agency', [18, 24]],
  ['Chi bộ Tòa án nhân dân huyện Chương Mỹ', 'agency', [20, 26]],
  ['Chi bộ Chi cục Thi hành án dân sự huyện Chương Mỹ', 'agency', [15, 20]],
  ['Chi bộ Chi cục Thuế khu vực Chương Mỹ – Thanh Oai', 'agency', [38, 46]],
  ['Chi bộ Kho bạc Nhà nước Chương Mỹ', 'agency', [14, 18]],
  ['Chi bộ Bảo hiểm xã hội huyện Chương Mỹ', 'agency', [18, 24]],
  ['Chi bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh huyện Chương Mỹ', 'agency', [40, 50]],
  ['Chi bộ Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Chương Mỹ', 'agency', [14, 18]],
  ['Chi bộ Điện lực Chương Mỹ', 'enterprise', [45, 58]],
  ['Chi bộ Hạt Kiểm lâm Chương Mỹ', 'agency', [14, 18]],
  ['Chi bộ Trung tâm Văn hóa – Thông tin và Thể thao huyện Chương Mỹ', 'agency', [20, 26]],
  ['Chi bộ Trung tâm Phát triển quỹ đất huyện Chương Mỹ', 'agency', [16, 22]],
  ['Chi bộ Chi nhánh Văn phòng Đăng ký đất đai huyện Chương Mỹ', 'agency', [18, 24]],
  ['Chi bộ Ban Quản lý dịch vụ công ích huyện Chương Mỹ', 'agency', [18, 22]],
  ['Chi bộ Hạt Quản lý đê Chương Mỹ', 'agency', [13, 14]],
  ['Chi bộ Xí nghiệp Đầu tư phát triển thủy lợi Chương Mỹ', 'enterprise', [30, 38]],
  ['Chi bộ Trung tâm Dịch vụ nông nghiệp huyện Chương Mỹ', 'agency', [14, 18]],
  ['Chi bộ Bưu điện huyện Chương Mỹ', 'enterprise', [15, 20]],
  ['Chi bộ Trung tâm Viễn thông Chương Mỹ', 'enterprise', [16, 22]],
  ['Chi bộ Chi cục Thống kê huyện Chương Mỹ', 'agency', [12, 14]],
  ['Chi bộ Đội Quản lý thị trường số 17', 'agency', [12, 15]],
  ['Chi bộ Đài Phát thanh huyện Chương Mỹ', 'agency', [12, 15]],
  ['Chi bộ Phòng khám Đa khoa khu vực Xuân Mai', 'health', [18, 24]],
  ['Chi bộ Trạm Chăn nuôi và Thú y huyện Chương Mỹ', 'agency', [12, 16]],
  ['Chi bộ Trường Trung cấp Kinh tế – Kỹ thuật Chương Mỹ', 'highSchool', [24, 30]],
  ['Chi bộ Công ty Cổ phần Cơ khí Xuân Mai', 'enterprise', [18, 26]],
  ['Chi bộ Công ty Cổ phần Xây dựng và Thương mại Chúc Sơn', 'enterprise', [14, 20]],
  ['Chi bộ Hợp tác xã Mây tre đan Phú Vinh', 'enterprise', [12, 13]],
  ['Chi bộ Công ty Cổ phần May Chương Mỹ', 'enterprise', [20, 28]],
  ['Chi bộ Công ty TNHH Thực phẩm sạch Phú Nghĩa', 'enterprise', [12, 16]],
  ['Chi bộ Công ty Cổ phần Vật liệu xây dựng Xuân Mai', 'enterprise', [16, 22]],
  ['Chi bộ Công ty TNHH Một thành viên Cấp nước Chương Mỹ', 'enterprise', [18, 24]],
  ['Chi bộ Quỹ Tín dụng nhân dân Phụng Châu', 'enterprise', [12, 15]],
  ['Chi bộ Hợp tác xã Dịch vụ nông nghiệp Tốt Động', 'enterprise', [14, 15]],
  ['Chi bộ Công ty Cổ phần Môi trường đô thị Chương Mỹ', 'enterprise', [20, 26]],
  ['Chi bộ Bến xe khách Xuân Mai', 'enterprise', [12, 15]],
];

const code = (prefix: string, index: number) => `${prefix}${String(index + 1).padStart(2, '0')}`;

/** The 85 grassroots organizations of the sample: DB01–DB41 (đảng bộ), CB01–CB44 (chi bộ cơ sở). */
export const CATALOGUE: CatalogueUnit[] = [
  ...TOWNS.map((place) => ({
    name: `Đảng bộ thị trấn ${place}`,
    category: 'commune' as const,
    size: [560, 620] as [number, number],
  })),
  ...COMMUNES.map((place) => ({
    name: `Đảng bộ xã ${place}`,
    category: 'commune' as const,
    size: [200, 420] as [number, number],
  })),
  ...OTHER_BRANCHES,
].map((unit, index) => ({ ...unit, code: code('DB', index), kind: BRANCH }));

CATALOGUE.push(
  ...GRASSROOTS_CELLS.map(([name, category, size], index) => ({
    code: code('CB', index),
    name,
    kind: CELL,
    category,
    size,
  })),
);

/** "Chúc Sơn" for "Đảng bộ thị trấn Chúc Sơn": the place a commune's villages and schools are named after. */
export function placeOf(unit: CatalogueUnit): string {
  return unit.name.replace(/^Đảng bộ (xã|thị trấn) /, '');
}

export function isTown(unit: CatalogueUnit): boolean {
  return unit.name.startsWith('Đảng bộ thị trấn');
}
