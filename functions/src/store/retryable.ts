/** gRPC codes a later attempt may get past: deadline exceeded, resource exhausted, aborted, internal, unavailable. */
const RETRYABLE_GRPC_CODES = new Set([4, 8, 10, 13, 14]);

/** Whether a Firestore call's failure may go away on a retry. */
export function isRetryableFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code);
}
