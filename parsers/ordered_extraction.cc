#include "parsers/ordered_extraction.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace kg::parsers {

OrderedExtraction::OrderedExtraction(const ExtractionResources& res, int jobs)
    : extractor_(res), jobs_(jobs) {}

void OrderedExtraction::Run(const Source& source, const Sink& sink,
                            const std::function<void()>& tick) const {
  if (jobs_ <= 1) {
    source([&](SourceDocument d) {
      Extraction x = extractor_.Extract(d);
      sink(d, x);
      tick();
    });
    return;
  }
  // Producer: the reader thread numbers documents; workers extract; this
  // thread writes them out in number order.
  struct Job {
    size_t seq;
    SourceDocument doc;
    Extraction x;
  };
  std::mutex mu;
  std::condition_variable cv_in, cv_out;
  std::deque<Job> in;
  std::map<size_t, Job> done;
  bool reading = true;
  size_t produced = 0;
  // Workers run ahead of a slow sink (an ingest writing a group of documents
  // stalled them after a few) while the documents waiting are few or small.
  const size_t kMinQueued = static_cast<size_t>(jobs_) * 4;
  constexpr size_t kMaxQueued = 4096;
  constexpr size_t kMaxQueuedBytes = size_t{32} << 20;
  size_t queued_bytes = 0;
  auto room = [&] {
    const size_t n = in.size() + done.size();
    return n < kMinQueued || (n < kMaxQueued && queued_bytes < kMaxQueuedBytes);
  };
  std::thread reader([&] {
    source([&](SourceDocument d) {
      std::unique_lock<std::mutex> l(mu);
      cv_out.wait(l, room);
      queued_bytes += d.text.size();
      in.push_back(Job{produced++, std::move(d), {}});
      cv_in.notify_one();
    });
    std::lock_guard<std::mutex> l(mu);
    reading = false;
    cv_in.notify_all();
    cv_out.notify_all();
  });
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs_; ++w) {
    workers.emplace_back([&] {
      while (true) {
        Job job;
        {
          std::unique_lock<std::mutex> l(mu);
          cv_in.wait(l, [&] { return !in.empty() || !reading; });
          if (in.empty()) return;
          job = std::move(in.front());
          in.pop_front();
        }
        job.x = extractor_.Extract(job.doc);
        std::lock_guard<std::mutex> l(mu);
        size_t seq = job.seq;
        done.emplace(seq, std::move(job));
        cv_out.notify_all();
      }
    });
  }
  size_t next = 0;
  while (true) {
    std::unique_lock<std::mutex> l(mu);
    cv_out.wait(l, [&] {
      return done.count(next) || (!reading && in.empty() && done.empty() && next == produced);
    });
    auto it = done.find(next);
    if (it == done.end()) break;
    Job job = std::move(it->second);
    done.erase(it);
    queued_bytes -= job.doc.text.size();
    ++next;
    cv_out.notify_all();
    l.unlock();
    sink(job.doc, job.x);
    tick();
  }
  reader.join();
  for (auto& w : workers) w.join();
}

}  // namespace kg::parsers
