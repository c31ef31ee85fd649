import type { CommandName } from './args';

const GENERAL = `xeploai — kiểm tra và tổng hợp kết quả đánh giá, xếp loại đảng viên

Cách dùng:
  xeploai validate <tệp>                       Kiểm tra một tệp của đơn vị (.xlsx hoặc .csv)
  xeploai summarize <tệp> [--previous <tệp>]   Số liệu của đơn vị, so với năm trước
  xeploai consolidate <tệp|thư mục>... [--superior <tệp>] [--previous <tệp|thư mục>] [--out báo-cáo.xlsx]
                                               Tổng hợp đơn vị và cấp dưới, xếp loại tổ chức, chỉ tiêu

Tuỳ chọn chung:
  --json             In một tài liệu JSON (thay cho bảng tiếng Việt)
  --unit MÃ          Mã đơn vị (cho tệp .csv, hoặc khi trang “Thông tin” không ghi)
  --year NĂM         Năm đánh giá (cho tệp .csv, hoặc khi trang “Thông tin” không ghi)
  -h, --help         Hướng dẫn này;  xeploai <lệnh> --help: hướng dẫn của một lệnh

Mã thoát: 0 không có lỗi; 1 có lỗi trong dữ liệu; 2 không đọc được tệp hoặc dòng lệnh sai.`;

const BY_COMMAND: Record<CommandName, string> = {
  validate: `xeploai validate <tệp> [--json] [--unit MÃ --year NĂM]

Kiểm tra từng dòng đảng viên: họ tên, mức xếp loại hoặc lý do không xếp loại, số thẻ trùng,
kỷ luật, nghỉ ốm, mới kết nạp, điểm; và tỷ lệ xuất sắc của đơn vị. Mỗi lỗi ghi rõ trang, dòng, cột.`,
  summarize: `xeploai summarize <tệp> [--previous <tệp năm trước>] [--json] [--unit MÃ --year NĂM]

Số lượng và tỷ lệ từng mức xếp loại, số không xếp loại, tỷ lệ xuất sắc so với hoàn thành tốt,
theo nhóm, chi bộ trực thuộc, chỉ tiêu; so với năm trước bằng điểm phần trăm.`,
  consolidate: `xeploai consolidate <tệp|thư mục>... [--superior <tệp>] [--previous <tệp|thư mục>] [--out báo-cáo.xlsx] [--json]

Tổng hợp các tệp đơn vị (thư mục được đọc cả thư mục con), và báo cáo tổng hợp của cấp dưới: tệp .json
do “consolidate --json” in ra, hoặc tệp báo cáo .xlsx do “--out” ghi (có trang “Số liệu tổng hợp”).
Một đơn vị không được tính hai lần (vừa tệp riêng vừa trong báo cáo của cấp dưới). Tệp của cấp trên
(có trang “Tổ chức cơ sở” hoặc “Giao chỉ tiêu”) được nhận ra tự động, hoặc chỉ rõ bằng --superior
(--district cũng được). --previous: dữ liệu năm trước để so sánh. --out: ghi báo cáo ra tệp .xlsx.`,
};

export function helpText(command?: CommandName): string {
  return command ? BY_COMMAND[command] : GENERAL;
}
