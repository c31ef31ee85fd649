import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FetchHandler, FetchReply, FetchRequest } from './url-fetch';

const TIMEOUT_MS = 120000;

/** Runs in the worker: one fetch per message, answered on the port, then wakes the waiting thread. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
port.on('message', async ({ id, request: r }) => {
  let reply;
  try {
    const headers = { ...r.headers };
    if (r.contentType) headers['Content-Type'] = r.contentType;
    const response = await fetch(r.url, {
      method: r.method.toUpperCase(),
      headers,
      body: r.payload ?? undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(${TIMEOUT_MS}),
    });
    const body = await response.text();
    reply = { status: response.status, headers: Object.fromEntries(response.headers), body };
  } catch (error) {
    reply = { error: String(error && error.cause ? error.cause : error) };
  }
  port.postMessage({ id, reply });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});`;

interface Channel {
  port: MessagePort;
  signal: Int32Array;
  nextId: number;
}

let channel: Channel | null = null;

/** One worker thread for the whole process, started on first use; it never keeps the process alive. */
function open(): Channel {
  if (channel) return channel;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { port: port2, signal },
    transferList: [port2],
  });
  worker.unref();
  worker.on('error', () => (channel = null));
  worker.on('exit', () => (channel = null));
  channel = { port: port1, signal, nextId: 1 };
  return channel;
}

/**
 * Real HTTP, synchronous as UrlFetchApp is: a worker thread runs fetch while this thread blocks on
 * Atomics.wait, then the reply is taken off the port with receiveMessageOnPort. The server must not
 * run on this thread, which is blocked meanwhile (the Functions emulator is another process).
 */
export const realHttp: FetchHandler = (request: FetchRequest): FetchReply => {
  const opened = open();
  const { port, signal } = opened;
  const id = opened.nextId++;
  Atomics.store(signal, 0, 0);
  port.postMessage({ id, request });
  for (;;) {
    if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === 'timed-out')
      throw new Error(`no answer within ${TIMEOUT_MS / 1000} s`);
    Atomics.store(signal, 0, 0);
    // A late answer to an earlier, timed-out request may come first: skip it.
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const { id: answered, reply } = message.message as {
        id: number;
        reply: FetchReply & { error?: string };
      };
      if (answered !== id) continue;
      if (reply.error) throw new Error(reply.error);
      return reply;
    }
  }
};
