// kg export.
#include "tools/cli.h"

namespace kg::cli {

void RegisterExportCommand(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
