import type { NotRatedReason, RatingLevel } from '../../core';

/** How one unit's office happens to lay out its workbook: the variants the readers must cope with. */
export interface SheetStyle {
  memberSheet: string;
  titleRows: number;
  synonymHeaders: boolean;
  ratings: 'label' | 'abbreviation' | 'dotted' | 'short';
  reasons: 'label' | 'variant';
  reasonInRatingColumn: boolean;
  textDates: boolean;
  yes: string;
  totalRow: boolean;
  scoreColumn: boolean;
}

const TITLE_ROWS: Record<string, number> = {
  DB03: 3,
  DB05: 3,
  DB07: 2,
  DB15: 1,
  DB22: 3,
  DB36: 2,
  CB09: 2,
  CB20: 1,
};
const SYNONYM_HEADERS = ['DB05', 'DB18', 'DB38', 'CB12', 'CB27'];
const ABBREVIATIONS = ['DB09', 'DB29', 'CB15'];
const DOTTED = ['DB12', 'CB22'];
const SHORT_FORMS = ['DB11', 'DB25', 'CB05', 'CB31'];
const REASON_VARIANTS = ['DB08', 'DB19', 'DB27'];
const REASON_IN_RATING = ['DB24'];
const TEXT_DATES = ['DB04', 'DB16', 'DB31', 'DB39', 'CB18', 'CB33'];
const NFD_SHEET_NAME = ['DB14', 'CB25'];
const UNNAMED_SHEET: Record<string, string> = { CB30: 'Sheet1', CB40: 'Trang tính1' };
const YES_AS_CO = ['DB06', 'DB20', 'CB14'];
const YES_AS_CAPITAL_X = ['DB10'];
const TOTAL_ROW = ['DB13'];
const WITHOUT_SCORE = ['DB23', 'CB38'];

export const MEMBER_SHEET = 'Đảng viên';

export function sheetStyle(code: string): SheetStyle {
  return {
    memberSheet:
      UNNAMED_SHEET[code] ?? (NFD_SHEET_NAME.includes(code) ? MEMBER_SHEET.normalize('NFD') : MEMBER_SHEET),
    titleRows: TITLE_ROWS[code] ?? 0,
    synonymHeaders: SYNONYM_HEADERS.includes(code),
    ratings: ABBREVIATIONS.includes(code)
      ? 'abbreviation'
      : DOTTED.includes(code)
        ? 'dotted'
        : SHORT_FORMS.includes(code)
          ? 'short'
          : 'label',
    reasons: REASON_VARIANTS.includes(code) ? 'variant' : 'label',
    reasonInRatingColumn: REASON_IN_RATING.includes(code),
    textDates: TEXT_DATES.includes(code),
    yes: YES_AS_CO.includes(code) ? 'Có' : YES_AS_CAPITAL_X.includes(code) ? 'X' : 'x',
    totalRow: TOTAL_ROW.includes(code),
    scoreColumn: !WITHOUT_SCORE.includes(code),
  };
}

const RATING_TEXT: Record<SheetStyle['ratings'], Record<RatingLevel, string>> = {
  label: {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    complete: 'Hoàn thành nhiệm vụ',
    notComplete: 'Không hoàn thành nhiệm vụ',
  },
  abbreviation: { excellent: 'HTXSNV', good: 'HTTNV', complete: 'HTNV', notComplete: 'KHTNV' },
  dotted: { excellent: 'H.T.X.S.N.V', good: 'H.T.T.N.V', complete: 'H.T.N.V', notComplete: 'K.H.T.N.V' },
  short: { excellent: 'Xuất sắc', good: 'Tốt', complete: 'Hoàn thành', notComplete: 'Không hoàn thành' },
};

const REASON_TEXT: Record<SheetStyle['reasons'], Record<NotRatedReason, string>> = {
  label: {
    exempt: 'Miễn công tác và sinh hoạt đảng',
    suspended: 'Đình chỉ sinh hoạt',
    newMember: 'Mới kết nạp',
    pending: 'Chưa đánh giá',
  },
  variant: {
    exempt: 'Miễn sinh hoạt',
    suspended: 'Đình chỉ sinh hoạt đảng',
    newMember: 'Dự bị dưới 6 tháng',
    pending: 'Chưa xếp loại',
  },
};

export function ratingText(style: SheetStyle, level: RatingLevel): string {
  return RATING_TEXT[style.ratings][level];
}

export function reasonText(style: SheetStyle, reason: NotRatedReason): string {
  return REASON_TEXT[style.reasons][reason];
}
