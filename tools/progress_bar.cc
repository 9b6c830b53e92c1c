#include "tools/progress_bar.h"

#include <cstdio>

#include "tools/cli.h"

namespace kg::cli {

ProgressBar::ProgressBar(std::string label, uint64_t min_total)
    : label_(std::move(label)), min_total_(min_total), on_(IsTerminal(2)) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Clear() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

void ProgressBar::Update(uint64_t done, uint64_t total,
                         const std::function<std::string()>& detail) {
  if (!on_ || (total < min_total_ && !drawn_)) return;
  auto now = std::chrono::steady_clock::now();
  // The last step is always drawn, so a finished bar never shows 99 %.
  if (drawn_ && (total == 0 || done < total) && now - last_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_ = now;
  drawn_ = true;
  std::string text = detail ? detail() : std::string();
  if (total == 0) {
    std::fprintf(stderr, "\r\033[K%s: %s", label_.c_str(), text.c_str());
  } else {
    double share = static_cast<double>(done) / static_cast<double>(total);
    int pct = share >= 1 ? 100 : static_cast<int>(100 * share);
    int bar = pct * 30 / 100;
    std::fprintf(stderr, "\r\033[K%s [%.*s%*s] %3d%%  %s", label_.c_str(), bar,
                 "##############################", 30 - bar, "", pct, text.c_str());
  }
  std::fflush(stderr);
}

void ProgressBar::Say(std::string_view text) {
  if (!on_) return;
  std::fprintf(stderr, "\r\033[K%s: %.*s", label_.c_str(), static_cast<int>(text.size()),
               text.data());
  std::fflush(stderr);
  drawn_ = true;
}

std::string ProgressBar::Count(double v) {
  char buf[32];
  if (v >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
  } else if (v >= 1e3) {
    std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  }
  return buf;
}

}  // namespace kg::cli
