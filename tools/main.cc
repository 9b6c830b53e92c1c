// kg: the command-line entry point. It only wires the libraries together;
// every command lives in its own tools/cmd_*.cc file.
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "tools/cli.h"

int main(int argc, char** argv) {
  std::setlocale(LC_CTYPE, "");  // libedit drops UTF-8 input without it
  // Past a file-size limit, writes should fail with EFBIG (reported as a store
  // error, the store left intact) instead of the signal killing kg mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"kg: a knowledge-graph builder for technology policy"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kg 0.1.0");
  kg::cli::GlobalOptions g;
  app.add_option("--db", g.db, "store directory")->envname("KG_DB")->capture_default_str();

  kg::cli::RegisterRdfCommands(app, g);
  kg::cli::RegisterStoreCommands(app, g);
  kg::cli::RegisterExtractCommands(app, g);
  kg::cli::RegisterQueryCommands(app, g);
  kg::cli::RegisterReplCommand(app, g);
  kg::cli::RegisterExportCommand(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help or the usage error
    return rc == 0 ? 0 : 2;
  }
  return g.exit_code;
}
