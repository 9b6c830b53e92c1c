// kg load, kg dump.
#include "tools/cli.h"

namespace kg::cli {

void RegisterRdfCommands(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
