// RunSideBySide: two independent pieces of a bulk load (two SST files, two
// halves of a sort) on two threads, since a load is otherwise one core's
// work on machines that have two.
#pragma once

#include <system_error>
#include <thread>
#include <utility>

#include "kg/status.h"

namespace kg {

// Runs `a` on the calling thread and `b` beside it, and returns the first
// error of a, then b. Both always run to the end, so neither is left holding
// a file. When no thread can be started, b runs after a.
template <typename A, typename B>
Status RunSideBySide(A&& a, B&& b) {
  Status sb;
  std::thread t;
  try {
    t = std::thread([&] { sb = b(); });
  } catch (const std::system_error&) {
    Status sa = a();
    sb = b();
    return sa.ok() ? sb : sa;
  }
  Status sa = a();
  t.join();
  return sa.ok() ? sb : sa;
}

}  // namespace kg
