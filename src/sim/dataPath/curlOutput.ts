import type { RequestResult } from "./types";

/** curl's exit codes for the failures the data path produces. */
export const CURL_EXIT = {
  unsupportedProtocol: 1,
  malformedUrl: 3,
  couldNotResolveHost: 6,
  couldNotConnect: 7,
  operationTimedOut: 28,
  emptyReply: 52,
} as const;

/** curl 8.x's messages (lib/connect.c, lib/strerror.c). `host` is as written in the URL. */
export const curlErrors = {
  malformedUrl: () => `curl: (${CURL_EXIT.malformedUrl}) URL rejected: Malformed input to a URL function`,
  couldNotResolve: (host: string) => `curl: (${CURL_EXIT.couldNotResolveHost}) Could not resolve host: ${host}`,
  refused: (host: string, port: number, ms: number) => `curl: (${CURL_EXIT.couldNotConnect}) Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`,
  timeout: (host: string, port: number, ms: number) => `curl: (${CURL_EXIT.operationTimedOut}) Failed to connect to ${host} port ${port} after ${ms} ms: Timeout was reached`,
  emptyReply: () => `curl: (${CURL_EXIT.emptyReply}) Empty reply from server`,
};

/** What `curl URL` prints: the body on any HTTP answer, the error line otherwise. */
export function formatCurl(result: RequestResult): string {
  if (result.ok) return result.body ?? "";
  return `${result.error ?? "curl: (7) Couldn't connect to server"}\n`;
}
