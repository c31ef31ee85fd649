import { defineString } from 'firebase-functions/params';

export const REGION = 'asia-southeast1';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Every 30 minutes; a run that finds nothing changed writes nothing. */
export const CONSOLIDATION_SCHEDULE = '*/30 * * * *';
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** The API function's time limit; transactions must give up well before it. */
export const API_TIMEOUT_SECONDS = 60;
/**
 * Attempts of a Firestore transaction before it fails (the SDK waits 1 s, then ×1,5 each time: 5 attempts
 * wait about 8 s in all). It does not bound the wait for a lock left by a crashed instance (that lasts until
 * Firestore expires it): submissions and consolidations therefore write without read-write transactions.
 */
export const TRANSACTION_MAX_ATTEMPTS = 5;

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
