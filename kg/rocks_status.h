// The one place where rocksdb::Status becomes kg::Status.
#pragma once

#include <rocksdb/status.h>

#include <string_view>

#include "kg/status.h"

namespace kg {

// `what` names the store and the operation ("store DIR: write").
Status FromRocks(const rocksdb::Status& s, std::string_view what);

// True when an open failed because another process (or this one) holds the
// store's LOCK file.
bool IsLockFailure(const rocksdb::Status& s);

}  // namespace kg
