import * as z from 'zod';
import { vi } from 'zod/locales';

// zod's own messages in Vietnamese for every schema of the API.
z.config(vi());

export { z };

/** zod's issues as the API reports them: where (dotted path) and what, in Vietnamese. */
export function bodyIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 100).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
