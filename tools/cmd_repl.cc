// kg repl.
#include "tools/cli.h"

namespace kg::cli {

void RegisterReplCommand(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
