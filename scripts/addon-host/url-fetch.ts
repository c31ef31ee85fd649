export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  contentType: string | null;
  payload: string | null;
}

export interface FetchReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Answers one request; throwing simulates a network failure (DNS, timeout). */
export type FetchHandler = (request: FetchRequest) => FetchReply;

export class FakeHttpResponse {
  constructor(private readonly reply: FetchReply) {}
  getResponseCode(): number {
    return this.reply.status;
  }
  getContentText(_charset?: string): string {
    return this.reply.body ?? '';
  }
  getHeaders(): Record<string, string> {
    return { ...(this.reply.headers ?? {}) };
  }
  getAllHeaders(): Record<string, string> {
    return this.getHeaders();
  }
}

export interface FetchRecord extends FetchRequest {
  status: number | null;
  lockHeld: boolean;
}

/**
 * UrlFetchApp.fetch routed to a handler; every request is recorded. As the real one: a URL outside the
 * manifest's urlFetchWhitelist is refused before anything is sent (apps-script/manifest/allowlist-url),
 * and so is a call without the script.external_request scope granted.
 */
export class FakeUrlFetchApp {
  readonly requests: FetchRecord[] = [];
  /** URLs refused by the allowlist (never sent, not in `requests`). */
  readonly refused: string[] = [];
  constructor(
    public handler: FetchHandler,
    private readonly lockHeld: () => boolean,
    private readonly allowlist: () => string[],
    private readonly requireScope: (method: string, scope: string) => void = () => undefined,
  ) {}

  fetch(url: string, params: Record<string, unknown> = {}): FakeHttpResponse {
    this.requireScope('UrlFetchApp.fetch', 'https://www.googleapis.com/auth/script.external_request');
    if (!this.allowlist().some((prefix) => url.startsWith(prefix))) {
      this.refused.push(url);
      throw new Error(
        `Exception: Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
      );
    }
    const request: FetchRequest = {
      url,
      method: String(params.method ?? 'get').toLowerCase(),
      headers: { ...((params.headers as Record<string, string>) ?? {}) },
      contentType: (params.contentType as string) ?? null,
      payload:
        typeof params.payload === 'string'
          ? params.payload
          : params.payload === undefined
            ? null
            : JSON.stringify(params.payload),
    };
    const record: FetchRecord = { ...request, status: null, lockHeld: this.lockHeld() };
    this.requests.push(record);
    let reply: FetchReply;
    try {
      reply = this.handler(request);
    } catch (error) {
      throw new Error(`Exception: ${error instanceof Error ? error.message : String(error)}: ${url}`);
    }
    record.status = reply.status;
    if (reply.status >= 400 && !params.muteHttpExceptions) {
      throw new Error(
        `Exception: Request failed for ${url} returned code ${reply.status}. Truncated server response: ${(reply.body ?? '').slice(0, 100)}`,
      );
    }
    return new FakeHttpResponse(reply);
  }
}
