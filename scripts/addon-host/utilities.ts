import { createHash } from 'node:crypto';

/** Utilities: sleep is recorded (never waits), digests are Java-style signed bytes. */
export class FakeUtilities {
  readonly DigestAlgorithm = { MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_512: 'SHA_512' };
  readonly Charset = { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' };
  readonly sleeps: number[] = [];

  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw new Error('Exception: sleep longer than 5 minutes');
    this.sleeps.push(milliseconds);
  }
  computeDigest(algorithm: string, value: string, _charset?: string): number[] {
    const name = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_512: 'sha512' }[algorithm];
    if (!name) throw new Error(`Exception: unknown digest ${algorithm}`);
    return [...createHash(name).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
  }
  base64Encode(data: string): string {
    return Buffer.from(data, 'utf8').toString('base64');
  }
}
