import { defineString } from 'firebase-functions/params';

export const REGION = 'asia-southeast1';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Every 30 minutes; a run that finds nothing changed writes nothing. */
export const CONSOLIDATION_SCHEDULE = '*/30 * * * *';
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** A Firestore document holds at most 1 MiB; a version stores the whole report in one. */
export const MAX_STORED_REPORT_BYTES = 900 * 1024;

/** OAuth client ID(s) the ID tokens must be issued for, comma-separated (emulator: functions/.env.local). */
export const API_AUDIENCE = defineString('API_AUDIENCE', {
  description:
    'OAuth client ID (aud) của mã định danh Google mà add-on gửi lên; nhiều giá trị cách nhau bằng dấu phẩy.',
});

export function audiences(): string[] {
  return API_AUDIENCE.value()
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
