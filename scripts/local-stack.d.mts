// Types of scripts/local-stack.mjs for TypeScript callers (e.g. scripts/start.ts).
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const PROJECT_ID: string;
export declare const HOST: string;
export declare const FIRESTORE_PORT: number;
export declare const FUNCTIONS_PORT: number;
export declare const REGION: string;
export declare const FIRESTORE_HOST: string;
export declare const API_URL: string;
export declare const SCHEDULED_URL: string;

export interface StackHandle {
  /** False when a stack that was already running is reused: stopStack then leaves it alone. */
  owned: boolean;
  child: ChildProcess | null;
  exited?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logFile?: string | null;
}

export interface StartOptions {
  build?: boolean;
  logFile?: string | null;
  timeoutMs?: number;
  log?: (message: string) => void;
  stopOnSignals?: boolean;
}

export declare function stackReady(): Promise<boolean>;
export declare function firestoreLauncherJar(): string | null;
export declare function buildFunctions(): void;
export declare function startStack(options?: StartOptions): Promise<StackHandle>;
export declare function stopStack(handle: StackHandle | null | undefined): Promise<void>;
