// Shared wiring for the kg command line: global options, how commands
// register themselves, and the helpers every command uses to report errors.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "kg/status.h"
#include "kg/store.h"

namespace kg::cli {

struct GlobalOptions {
  std::string db = "kg.db";  // --db DIR, env KG_DB
  int exit_code = 0;         // set by the command that ran
};

// Each command file adds its subcommands to `app`. A subcommand's callback
// runs the command and stores its exit code in `g.exit_code`.
void RegisterStoreCommands(CLI::App& app, GlobalOptions& g);    // stats, check, docs, forget
void RegisterRdfCommands(CLI::App& app, GlobalOptions& g);      // load, dump
void RegisterExtractCommands(CLI::App& app, GlobalOptions& g);  // extract, ingest, eval
void RegisterQueryCommands(CLI::App& app, GlobalOptions& g);    // query, explain
void RegisterReplCommand(CLI::App& app, GlobalOptions& g);      // repl
void RegisterExportCommand(CLI::App& app, GlobalOptions& g);    // export

// Prints "kg: <message>" on stderr and returns the status's exit code.
int Fail(const Status& status);

// Opens the --db store for writing or reading; prints the error and sets
// *exit_code on failure. Readers never create a store.
std::unique_ptr<Store> OpenForWrite(const GlobalOptions& g, int* exit_code);
std::unique_ptr<Store> OpenForRead(const GlobalOptions& g, int* exit_code);

// True when stdout (fd 1) or stderr (fd 2) is a terminal.
bool IsTerminal(int fd);

}  // namespace kg::cli
