// kg query, kg explain.
#include "tools/cli.h"

namespace kg::cli {

void RegisterQueryCommands(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
