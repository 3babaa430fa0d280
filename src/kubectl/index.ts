/** kubectl emulation: parse a command line, talk to the cluster through a transport, print as kubectl does. */
export { runKubectl, runKubectlLine } from "./run";
export { Output, type OutputChunk, type Stream } from "./output";
export type { ClusterTransport } from "./transport";
export type { KubectlEnv } from "./context";
export { tokenize, type Heredoc, type TokenizeResult } from "./parse/tokenize";
export { parseGoDuration, formatGoDuration } from "./parse/duration";
export { CONNECTION_REFUSED, SERVER_ADDRESS } from "./errors";
export { KUBECTL_VERSION, CONTEXT_NAME, SERVER_URL } from "./commands/info";
