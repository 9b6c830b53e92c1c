// The store's TripleCursor: a range scan over one index. Internal to kg/.
#pragma once

#include <memory>

#include "kg/key_codec.h"
#include "kg/store.h"

namespace kg {

class RocksStore;

// Reads `range` of its index through a RocksDB iterator, or from the store's
// RangeCache when a reader has read the range whole before; a range read to
// its end goes into that cache.
std::unique_ptr<TripleCursor> NewIndexCursor(const RocksStore* store, keys::ScanRange range);

}  // namespace kg
