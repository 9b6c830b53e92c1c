// kg extract, kg ingest, kg eval.
#include "tools/cli.h"

namespace kg::cli {

void RegisterExtractCommands(CLI::App& app, GlobalOptions& g) {
  (void)app;
  (void)g;
}

}  // namespace kg::cli
