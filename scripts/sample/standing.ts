import { lessThanSixMonths, type RatingLevel } from '../../core';
import type { Status } from './members';
import type { Random } from './random';

/** A member as the rolls of 2024 and 2025 carry them. */
export interface Member {
  name: string;
  card: string;
  birthDate: string;
  admittedOn: string;
  cell: string | null;
}

/** One member's standing in one year's evaluation. */
export interface Standing {
  status: Status;
  disciplined: boolean;
  sickLeave: boolean;
  /** "Tự phát hiện, khắc phục": the discipline exception of QĐ 124 / QĐ 366. */
  selfCorrected: boolean;
  note: string;
  /** QĐ 366's 100-point score; null when not scored (QĐ 124, or not rated). */
  score: number | null;
  probationary: boolean;
  /** The rating typed with a typo ("Hoàn thành tôt nhiệm vụ"), as real files have. */
  typo: boolean;
}

export const PENDING_NOTES = [
  'Đi làm ăn xa',
  'Đi lao động ở nước ngoài',
  'Đang điều trị bệnh dài ngày',
  'Đi học dài hạn',
  'Nghỉ thai sản',
];
const EXEMPT_NOTES = ['Tuổi cao, sức yếu', 'Tuổi cao', 'Ốm đau thường xuyên'];
export const DISCIPLINE_NOTE = 'Bị kỷ luật khiển trách trong năm';
export const BELOW_BAND_NOTE = 'Không có nhiệm vụ vượt kế hoạch, chưa đủ điều kiện xếp loại xuất sắc';
const SICK_NOTE = 'Nghỉ ốm từ 3 tháng trở lên';

/** The band of QĐ 366 a score falls in: ≥ 90, 70–<90, 50–<70, < 50. */
export function scoreBand(score: number): RatingLevel {
  return score >= 90 ? 'excellent' : score >= 70 ? 'good' : score >= 50 ? 'complete' : 'notComplete';
}

/**
 * Every member's standing in `year`: the exempt stay exempt, those admitted less than six months before
 * 31/12 are not rated, a few are pending or suspended, the others rated (about 15 / 76 / 7,5 / 1,2 %) with
 * discipline and sick leave rated as the rules say, and the unit's excellent members kept within its 20% quota.
 */
export function rateRoster(
  roll: { member: Member; exempt: boolean }[],
  year: number,
  random: Random,
  options: { scored: boolean },
): Standing[] {
  const evaluatedOn = `${year}-12-31`;
  const standings = roll.map(({ member, exempt }): Standing => {
    const base = {
      disciplined: false,
      sickLeave: false,
      selfCorrected: false,
      score: null,
      probationary: member.admittedOn >= `${year}-01-01`,
      typo: false,
    };
    if (exempt || (member.birthDate <= '1947-12-31' && random.chance(0.06)))
      return { ...base, status: { reason: 'exempt' }, note: random.pick(EXEMPT_NOTES) };
    if (lessThanSixMonths(member.admittedOn, evaluatedOn))
      return { ...base, status: { reason: 'newMember' }, note: 'Đảng viên dự bị' };
    if (random.chance(0.008))
      return { ...base, status: { reason: 'pending' }, note: random.pick(PENDING_NOTES) };
    if (random.chance(0.0015))
      return {
        ...base,
        status: { reason: 'suspended' },
        note: 'Đình chỉ sinh hoạt đảng, chờ xem xét kỷ luật',
      };
    const draw = random.next();
    const rating: RatingLevel =
      draw < 0.012 ? 'notComplete' : draw < 0.09 ? 'complete' : draw < 0.24 ? 'excellent' : 'good';
    const standing: Standing = {
      ...base,
      status: { rating },
      note: base.probationary ? 'Đảng viên dự bị' : '',
    };
    if (rating === 'notComplete' && random.chance(0.5)) {
      standing.disciplined = true;
      standing.note = DISCIPLINE_NOTE;
    } else if (
      (rating === 'complete' && random.chance(0.12)) ||
      (rating === 'notComplete' && random.chance(0.3))
    ) {
      standing.sickLeave = true;
      standing.note = SICK_NOTE;
    }
    return standing;
  });
  keepQuota(standings, random);
  if (options.scored) for (const standing of standings) standing.score = scoreFor(standing, random);
  return standings;
}

/** Excellent members beyond ⌊0,2 × good⌋ are rated good instead. */
function keepQuota(standings: Standing[], random: Random): void {
  const rated = (level: RatingLevel) =>
    standings.filter((s) => 'rating' in s.status && s.status.rating === level);
  for (const standing of random.shuffle(rated('excellent'))) {
    if (rated('excellent').length <= Math.floor(rated('good').length / 5)) break;
    standing.status = { rating: 'good' };
  }
}

/**
 * A score consistent with the rating: in its band, or above it with a note saying why (discipline, sick leave,
 * conditions of excellence not met); some exactly on a band's edge.
 */
function scoreFor(standing: Standing, random: Random): number | null {
  if (!('rating' in standing.status)) return null;
  const half = () => (random.chance(0.15) ? 0.5 : 0);
  switch (standing.status.rating) {
    case 'excellent':
      return random.chance(0.08) ? 90 : random.int(90, 98) + half();
    case 'good':
      if (!standing.probationary && random.chance(0.02)) {
        standing.note = BELOW_BAND_NOTE;
        return random.int(90, 94);
      }
      return random.chance(0.05) ? random.pick([70, 89.5]) : random.int(70, 88) + half();
    case 'complete':
      if (standing.sickLeave) return random.int(60, 79);
      return random.chance(0.08) ? random.pick([50, 69.5]) : random.int(50, 68) + half();
    case 'notComplete':
      return standing.disciplined ? random.int(55, 82) : random.int(30, 48) + half();
  }
}
