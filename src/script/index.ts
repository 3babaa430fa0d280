/** Session scripts: `kubectl …`, `sleep DURATION`, `sim …`. */
export { runScript, runStatement, formatSimTime, DEFAULT_MAX_STREAM_MS, DEFAULT_MAX_WAIT_MS, type ScriptEnv, type ScriptExit } from "./interpreter";
export { parseScript, type Statement, type ParsedScript, type ScriptError } from "./parseScript";
export { parseSimCommand, DEFAULT_SETTLE_MS, type SimCommand, type SimControl } from "./simCommand";
export { transportFor, simControlFor } from "./clusterDriver";
