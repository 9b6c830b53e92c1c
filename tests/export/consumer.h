// Helpers for running the real consumers of the exports.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "tests/tools/cli_runner.h"

namespace kg::exporting::testing {

// The directory holding ../shared/conformance/schemas, or "" (tests skip).
inline std::string SchemaDir() {
  std::string shared = kg::testing::SharedDir();
  return shared.empty() ? "" : shared + "/conformance/schemas";
}

// Runs python3 (Debian's, with networkx) on `script`; returns its stdout.
inline kg::testing::CliResult Python(const std::string& script) {
  return kg::testing::RunProgram({"/usr/bin/python3", "-c", script});
}

}  // namespace kg::exporting::testing
