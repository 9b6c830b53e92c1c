#include "tools/cli.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace kg::cli {

int Fail(const Status& status) {
  std::cerr << "kg: " << status.ToString() << "\n";
  return status.ExitCode();
}

std::unique_ptr<Store> OpenForWrite(const GlobalOptions& g, int* exit_code) {
  auto store = Store::Open(g.db, OpenOptions{.read_only = false, .create_if_missing = true});
  if (!store.ok()) {
    *exit_code = Fail(store.status());
    return nullptr;
  }
  return std::move(store).value();
}

std::unique_ptr<Store> OpenForRead(const GlobalOptions& g, int* exit_code) {
  std::error_code ec;
  if (!std::filesystem::exists(g.db, ec)) {
    *exit_code = Fail(Status::StoreError("store " + g.db +
                                         " does not exist (create one with kg ingest or kg load)"));
    return nullptr;
  }
  auto store = Store::Open(g.db, OpenOptions{.read_only = true, .create_if_missing = false});
  if (!store.ok()) {
    *exit_code = Fail(store.status());
    return nullptr;
  }
  return std::move(store).value();
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

}  // namespace kg::cli
