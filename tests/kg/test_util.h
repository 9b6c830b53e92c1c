// Helpers for the kg/ unit tests: status assertions and scratch stores.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "kg/status.h"
#include "kg/store.h"

#define ASSERT_KG_OK(expr)                                        \
  do {                                                            \
    const ::kg::Status kg_s_ = (expr);                            \
    ASSERT_TRUE(kg_s_.ok()) << #expr << ": " << kg_s_.ToString(); \
  } while (0)
#define EXPECT_KG_OK(expr)                                        \
  do {                                                            \
    const ::kg::Status kg_s_ = (expr);                            \
    EXPECT_TRUE(kg_s_.ok()) << #expr << ": " << kg_s_.ToString(); \
  } while (0)

namespace kg::testing {

// A fresh directory path (not created) under the temp dir, removed on exit.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("kg-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
                .string();
    std::filesystem::remove_all(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::unique_ptr<Store> OpenOrDie(const std::string& dir, bool read_only = false) {
  auto r = Store::Open(dir, OpenOptions{.read_only = read_only, .create_if_missing = !read_only});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return nullptr;
  return std::move(r).value();
}

// The triples of `all` that `t` matches, in `all`'s order: what a scan must
// read, worked out by brute force.
template <typename Triples>
std::vector<Triple> Matching(const Triples& all, const TriplePattern& t) {
  std::vector<Triple> out;
  for (const Triple& x : all)
    if ((t.s == kNoTerm || x.s == t.s) && (t.p == kNoTerm || x.p == t.p) &&
        (t.o == kNoTerm || x.o == t.o))
      out.push_back(x);
  return out;
}

// A cursor over `t`: one of `reused` restarted on it, else a new Scan kept in
// `reused` (how the query engine reuses one cursor per join step).
inline TripleCursor* RestartOrScan(const Store& store,
                                   std::vector<std::unique_ptr<TripleCursor>>* reused,
                                   const TriplePattern& t) {
  for (auto& r : *reused)
    if (r->Restart(t)) return r.get();
  reused->push_back(store.Scan(t));
  return reused->back().get();
}

inline Statement St(const std::string& s, const std::string& p, const Term& o) {
  return Statement{Term::Iri(s), Term::Iri(p), o, false, {}};
}
inline Statement St(const std::string& s, const std::string& p, const std::string& o) {
  return St(s, p, Term::Iri(o));
}

inline DocumentInfo Doc(const std::string& id, const std::string& hash = "h1") {
  DocumentInfo d;
  d.id = id;
  d.title = "Title of " + id;
  d.date = "2024-01-02";
  d.source = "/data/" + id + ".txt";
  d.content_hash = hash;
  return d;
}

}  // namespace kg::testing
