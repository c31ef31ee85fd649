/**
 * The hosting framework (the Functions emulator's runtime, and the Functions Framework in production) parses
 * JSON bodies with body-parser before calling the function, and answers malformed JSON itself with an HTML
 * page (with a stack trace outside production). Both create their parsers after loading this module, so
 * wrapping body-parser's `json` factory here lets a failed parse reach the API, which answers it in JSON
 * (BAD_JSON / BODY_TOO_LARGE). If no body-parser is loaded yet, nothing changes.
 */
type Middleware = (req: { bodyError?: string }, res: unknown, next: (error?: unknown) => void) => void;
const PARSERS = ['json', 'text', 'urlencoded', 'raw'] as const;
type ParserFactory = ((options?: unknown) => Middleware) & { bodyErrorsToRequest?: true };

const PASSED_ON = new Set([
  'entity.parse.failed',
  'entity.too.large',
  'encoding.unsupported',
  'charset.unsupported',
]);

/** body-parser's refusals: the known types, and any other client error it raises (e.g. a zlib error on garbage). */
function isBodyError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && PASSED_ON.has(type)) return true;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function lenient(factory: ParserFactory): ParserFactory {
  const wrapped: ParserFactory = (options) => {
    const parse = factory(options);
    return (req, res, next) =>
      parse(req, res, (error?: unknown) => {
        if (isBodyError(error)) {
          req.bodyError = (error as { type?: string }).type ?? 'entity.unreadable';
          next();
        } else next(error);
      });
  };
  wrapped.bodyErrorsToRequest = true;
  return wrapped;
}

export function passBodyErrorsToRequest(cache: NodeJS.Dict<NodeModule> = require.cache): number {
  let patched = 0;
  for (const [file, mod] of Object.entries(cache)) {
    if (!mod || !/[\\/]body-parser[\\/]index\.js$/.test(file)) continue;
    const exports = mod.exports as Record<(typeof PARSERS)[number], ParserFactory | undefined>;
    for (const name of PARSERS) {
      const factory = exports[name];
      if (typeof factory !== 'function' || factory.bodyErrorsToRequest) continue;
      Object.defineProperty(exports, name, { configurable: true, enumerable: true, value: lenient(factory) });
      patched++;
    }
  }
  return patched;
}
