import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { createTokenVerifier, type TokenVerifier } from './auth/verify-token';
import { devTokensAllowed } from './auth/dev-key';
import { API_TIMEOUT_SECONDS, audiences, CONSOLIDATION_SCHEDULE, REGION, TIME_ZONE } from './config';
import { passBodyErrorsToRequest } from './http/framework-body-errors';
import type { ApiRequest } from './http/request';
import { rateLimitFrom } from './http/rate-limit';
import { createSharedRateLimiter } from './http/rate-limit-shared';
import { dispatch } from './http/router';
import { consolidateOpenYears as consolidateAll } from './scheduled/consolidate-open-years';
import { firestore } from './store/db';

passBodyErrorsToRequest();

let verifier: TokenVerifier | null = null;
const verifyToken: TokenVerifier = (authorization) => {
  verifier ??= createTokenVerifier({ audiences: audiences(), allowDevTokens: devTokensAllowed(process.env) });
  return verifier(authorization);
};

const now = () => new Date();
const rateLimit = createSharedRateLimiter(rateLimitFrom(process.env));

/** The JSON API (design.md §4.2). */
export const api = onRequest({ region: REGION, timeoutSeconds: API_TIMEOUT_SECONDS }, async (req, res) => {
  const request: ApiRequest = {
    method: req.method,
    path: req.path,
    headers: req.headers,
    rawBody: req.rawBody,
    bodyError: (req as { bodyError?: string }).bodyError,
  };
  const reply = await dispatch(request, { db: firestore(), verifyToken, now, rateLimit });
  res
    .status(reply.status)
    .set({ 'Cache-Control': 'no-store', ...reply.headers })
    .json(reply.body);
});

/** Consolidates every open year on a timer. */
export const consolidateOpenYears = onSchedule(
  { region: REGION, schedule: CONSOLIDATION_SCHEDULE, timeZone: TIME_ZONE, retryCount: 3 },
  async () => {
    await consolidateAll(firestore(), now);
  },
);
