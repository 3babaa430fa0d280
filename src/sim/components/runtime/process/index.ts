export { startProcess, effectiveArgv, execNotFoundMessage } from "./launch";
export { MAX_LOG_LINES } from "./baseProcess";
export { rfc3339Nano } from "./clock";
export type { ExecOutcome, ExitReason, HttpOutcome, HttpRequest, LogLine, Process, ProcessSpec, Scheduler, StartError, Stream } from "./types";
