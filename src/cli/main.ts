#!/usr/bin/env node
/** The `rasd` command: one program, one subcommand per face of the pipeline. */
import { Command } from "commander";
import { registerExtractCommand } from "./extract-command.js";
import { registerKbCommands } from "./kb-commands.js";
import { registerStoreCommands } from "./store-commands.js";

const program = new Command();
program
  .name("rasd")
  .description("Rasd (رصد): Arabic news → clean articles, linked entities, resolved dates and PLOVER events")
  .version("0.1.0")
  .showHelpAfterError();

registerExtractCommand(program);
registerStoreCommands(program);
registerKbCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`rasd: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
