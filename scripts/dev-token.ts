// DEVELOPMENT ONLY: prints one ID token signed by the committed development key, accepted by the local
// Functions emulator only.   npm run --silent dev-token -- <email> [--audience <aud>] [--expires-in <seconds>]
import { signDevToken } from './dev-signing-key';

function main(args: string[]): void {
  const email = args.find((a) => !a.startsWith('--'));
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (!email || !email.includes('@') || args.includes('--help')) {
    console.error(
      'Cách dùng: npm run --silent dev-token -- <email> [--audience <aud>] [--expires-in <giây>]',
    );
    process.exit(email ? 0 : 2);
  }
  const expiresIn = option('--expires-in');
  console.log(
    signDevToken(email, {
      audience: option('--audience'),
      expiresIn: expiresIn ? Number(expiresIn) : undefined,
    }),
  );
}

if (require.main === module) main(process.argv.slice(2));
