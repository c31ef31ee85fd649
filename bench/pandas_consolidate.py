"""What an analyst would write instead of `xeploai consolidate`: read every unit workbook's member sheet
with pandas (finding the sheet, the header row and the columns as they are really typed) and count the
ratings and the not-rated reasons. Prints the totals as one JSON document.

    /usr/bin/python3 bench/pandas_consolidate.py <folder>...
"""
import glob
import json
import os
import re
import sys
import unicodedata

import pandas as pd

NAME_HEADERS = {"họ và tên", "họ tên", "tên đảng viên"}
RATING_HEADERS = {"xếp loại", "kết quả xếp loại", "mức xếp loại"}
REASON_HEADERS = {"lý do không xếp loại", "không xếp loại", "tình trạng"}
# Labels as typed: full text, abbreviation (with or without dots), short forms; compared without spaces/dots.
RATINGS = {
    "excellent": ["hoàn thành xuất sắc nhiệm vụ", "htxsnv", "xuất sắc", "hoàn thành xuất sắc", "htxs"],
    "good": ["hoàn thành tốt nhiệm vụ", "httnv", "tốt", "hoàn thành tốt", "htt"],
    "complete": ["hoàn thành nhiệm vụ", "htnv", "hoàn thành", "ht"],
    "notComplete": ["không hoàn thành nhiệm vụ", "khtnv", "không hoàn thành", "kht"],
}
REASONS = {
    "exempt": ["miễn công tác và sinh hoạt đảng", "miễn sinh hoạt", "miễn sinh hoạt đảng", "miễn"],
    "suspended": ["đình chỉ sinh hoạt đảng", "đình chỉ sinh hoạt", "đình chỉ"],
    "newMember": ["mới kết nạp", "dự bị dưới 6 tháng", "kết nạp dưới 6 tháng"],
    "pending": ["chưa đánh giá", "chưa xếp loại", "chưa đánh giá, xếp loại"],
}


def text(value):
    return unicodedata.normalize("NFC", str(value)).strip().lower()


def key(value):
    return re.sub(r"[\s.,]", "", text(value))


RATING_OF = {key(label): code for code, labels in RATINGS.items() for label in labels}
REASON_OF = {key(label): code for code, labels in REASONS.items() for label in labels}


def member_sheet(path):
    """The sheet named `Đảng viên`, else the first whose header row has a name and a rating column."""
    book = pd.read_excel(path, sheet_name=None, header=None)
    ordered = sorted(book.items(), key=lambda item: text(item[0]) != "đảng viên")
    for _, grid in ordered:
        for row in range(min(15, len(grid))):
            headers = [text(v) for v in grid.iloc[row]]
            if NAME_HEADERS & set(headers) and RATING_HEADERS & set(headers):
                body = grid.iloc[row + 1:]
                body.columns = headers
                return body
    return None


def main(folders):
    counts = dict.fromkeys(RATINGS, 0)
    not_rated = dict.fromkeys(REASONS, 0)
    units = 0
    files = sorted(p for f in folders for p in glob.glob(os.path.join(f, "**", "*.xlsx"), recursive=True))
    for path in files:
        members = member_sheet(path)
        if members is None:
            continue  # the district's workbook
        units += 1
        name = members[[c for c in members.columns if c in NAME_HEADERS][0]]
        rating = members[[c for c in members.columns if c in RATING_HEADERS][0]]
        reasons = [c for c in members.columns if c in REASON_HEADERS]
        reason = members[reasons[0]] if reasons else pd.Series(index=members.index, dtype=object)
        members = pd.DataFrame({"name": name, "rating": rating, "reason": reason})
        members = members[members["name"].notna() & ~members["name"].map(key).isin({"tổng", "tổngcộng", "cộng"})]
        rating_codes = members["rating"].dropna().map(key).map(RATING_OF)
        for code, n in rating_codes.value_counts().items():
            counts[code] += int(n)
        # A reason typed in the rating column counts as the reason.
        reason_text = members["reason"].where(members["reason"].notna(), members["rating"])
        unrated = reason_text[~members.index.isin(rating_codes.dropna().index)].dropna()
        for code, n in unrated.map(key).map(REASON_OF).value_counts().items():
            not_rated[code] += int(n)
    evaluated = sum(counts.values())
    print(json.dumps({
        "units": units,
        "total": evaluated + sum(not_rated.values()),
        "evaluated": evaluated,
        "counts": counts,
        "notRated": not_rated,
    }))


if __name__ == "__main__":
    main(sys.argv[1:])
