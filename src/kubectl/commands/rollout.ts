import type { Command } from "../context";
import { rolloutHistoryCommand } from "./rolloutHistory";
import { rolloutStatusCommand } from "./rolloutStatus";
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from "./rolloutToggles";
import { rolloutUndoCommand } from "./rolloutUndo";

export const rolloutCommand: Command = {
  name: "rollout",
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
