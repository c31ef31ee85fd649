import { projectFirestore } from '../../scripts/stack/provision-directory';

describe('provision for a real project', () => {
  it('refuses a demo project and a malformed id, which have no live Firestore', () => {
    for (const id of ['demo-xeploai', 'Xeploai Prod', 'ab']) {
      const db = projectFirestore(id);
      expect(db.ok).toBe(false);
      if (!db.ok) expect(db.message).toContain('không phải mã một dự án Firebase thật');
    }
  });

  it('refuses while FIRESTORE_EMULATOR_HOST would send the writes to the emulator instead', () => {
    const before = process.env.FIRESTORE_EMULATOR_HOST;
    process.env.FIRESTORE_EMULATOR_HOST = '127.0.0.1:8480';
    try {
      const db = projectFirestore('xeploai-prod');
      expect(db).toEqual({
        ok: false,
        message:
          'FIRESTORE_EMULATOR_HOST đang đặt (127.0.0.1:8480): bỏ biến này trước khi ghi vào dự án xeploai-prod.',
      });
    } finally {
      if (before === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
      else process.env.FIRESTORE_EMULATOR_HOST = before;
    }
  });
});
