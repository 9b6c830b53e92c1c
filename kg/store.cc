#include "kg/store.h"

namespace kg {

// Placeholder until the RocksDB store lands.
Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const OpenOptions&) {
  return Status::StoreError("store " + dir + ": not available in this build");
}

}  // namespace kg
