// The one-line progress display of long commands (ingest, load, export).
// It draws on stderr only when stderr is a terminal, so pipes and scripts
// see nothing, redraws at most ten times a second, and erases itself when
// the work ends so the command's own summary line stands alone.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kg::cli {

class ProgressBar {
 public:
  // `label` leads the line. Work whose total stays under `min_total` is too
  // quick to wait for and draws nothing.
  explicit ProgressBar(std::string label, uint64_t min_total = 0);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // False when stderr is not a terminal: callers can skip their callbacks.
  bool on() const { return on_; }

  // "label [#########.....]  45%  detail", or "label: detail" while the
  // total is unknown (0). `detail` is only called when the line is drawn.
  void Update(uint64_t done, uint64_t total, const std::function<std::string()>& detail);

  // "label: text", drawn at once: a phase with nothing to count.
  void Say(std::string_view text);

  // Erases the line, before the command prints its summary.
  void Clear();

  // 950, 12k, 1.2M: counts short enough for one line.
  static std::string Count(double v);

 private:
  std::string label_;
  uint64_t min_total_;
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kg::cli
