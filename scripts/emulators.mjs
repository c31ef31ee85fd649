// `npm run emulators`: the real Firestore emulator and the Functions emulator on 127.0.0.1 (project
// demo-xeploai) until Ctrl-C, which stops every process the stack started.
import { API_URL, FIRESTORE_HOST, startStack, stopStack } from './local-stack.mjs';

const started = Date.now();
let stack;
try {
  stack = await startStack({ log: console.log, stopOnSignals: false });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (!stack.owned) {
  console.log(`Bộ giả lập đã chạy sẵn (Firestore ${FIRESTORE_HOST}, API ${API_URL}): không khởi động thêm.`);
  process.exit(0);
}
console.log(`\nSẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} giây.`);
console.log(`  Firestore: ${FIRESTORE_HOST}\n  API:       ${API_URL}\nNhấn Ctrl-C để dừng.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nĐang dừng bộ giả lập…');
  await stopStack(stack);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
stack.exited.then(({ code }) => {
  if (!stopping) {
    console.error(`firebase emulators:start đã dừng (mã ${code}).`);
    process.exit(code || 1);
  }
});
