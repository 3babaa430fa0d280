import type { Status } from "../sim/api/types";

/** A failure a command reports: `message` goes to stderr as is, then kubectl exits `exitCode`. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const SERVER_ADDRESS = "192.168.49.2:6443";
export const CONNECTION_REFUSED = `The connection to the server ${SERVER_ADDRESS} was refused - did you specify the right host or port?`;

/** `error: <msg>` (cmdutil.CheckErr on a plain error). */
export function plainError(msg: string): KubectlError {
  return new KubectlError(`error: ${msg}`);
}

/** cmdutil.UsageErrorf: the message plus a pointer to the command's help. */
export function usageError(commandPath: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee '${commandPath} -h' for help and examples`);
}

/** An API error as it travels through kubectl: the server's Status, possibly reworded by the client. */
export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

/** cmdutil.StandardErrorMessage: `Error from server (Reason): message`. */
export function standardErrorMessage(status: Status): string {
  if (status.reason === "Unauthorized") return `error: You must be logged in to the server (${status.message})`;
  if (status.reason) return `Error from server (${status.reason}): ${status.message}`;
  return `Error from server: ${status.message}`;
}

/**
 * cmdutil.CheckErr on a single API error: Invalid errors list their causes
 * (`The Deployment "web" is invalid: spec.replicas: Invalid value: …`); others print the
 * standard message.
 */
export function formatApiError(status: Status): string {
  if (status.reason !== "Invalid") return standardErrorMessage(status);
  const details = status.details;
  let s = "The request is invalid";
  if (!details) return status.message ? `${s}: ${status.message}` : s;
  const causes = details.causes ?? [];
  if (details.kind || details.name) s = `The ${details.kind ?? ""} "${details.name ?? ""}" is invalid`;
  else if (status.message && causes.length === 0) s += `: ${status.message}`;
  if (causes.length === 0) return s;
  const msgs = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  if (msgs.length === 1) return `${s}: ${msgs[0]}`;
  return `${s}: \n${msgs.map((m) => `* ${m}`).join("\n")}`;
}

/** cmdutil.AddSourceToErr: `error when creating "STDIN": …` in front of the server's message. */
export function withSource(status: Status, verb: string, source: string | undefined): Status {
  if (!source) return status;
  return { ...status, message: `error when ${verb} "${source}": ${status.message}` };
}

/** How a list of errors collected while applying is printed (utilerrors.Aggregate). */
export function formatErrors(errors: readonly unknown[]): string {
  if (errors.length === 1) return formatOne(errors[0]);
  return errors.map((e) => (e instanceof ApiError ? standardErrorMessage(e.status) : formatOne(e))).join("\n");
}

function formatOne(e: unknown): string {
  if (e instanceof ApiError) return formatApiError(e.status);
  if (e instanceof KubectlError) return e.message;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}
