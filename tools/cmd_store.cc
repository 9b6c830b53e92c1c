// kg stats, kg check, kg docs, kg forget.
#include "tools/cli.h"

namespace kg::cli {

void RegisterStoreCommands(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
