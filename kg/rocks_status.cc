#include "kg/rocks_status.h"

#include <string>

namespace kg {

bool IsLockFailure(const rocksdb::Status& s) {
  if (!s.IsIOError() && !s.IsBusy()) return false;
  std::string text = s.ToString();
  return text.find("lock") != std::string::npos || text.find("LOCK") != std::string::npos;
}

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::OK();
  std::string msg(what);
  msg += ": ";
  msg += s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  return Status::StoreError(msg);
}

}  // namespace kg
