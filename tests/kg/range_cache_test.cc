// A reader's range cache (kg/range_cache.h) must never change what a scan
// reads: a range read in part is not kept as if whole, a range too long for
// the cache still reads whole, skips land where a seek would, and a Refresh
// shows the writer's changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "kg/store.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

std::vector<Triple> Read(TripleCursor& c, size_t limit = SIZE_MAX) {
  std::vector<Triple> out;
  for (; c.Valid() && out.size() < limit; c.Next()) out.push_back(c.triple());
  EXPECT_TRUE(c.status().ok()) << c.status().ToString();
  return out;
}

std::unique_ptr<Store> OpenReader(const std::string& dir, size_t cache_bytes) {
  auto r = Store::Open(
      dir,
      OpenOptions{.read_only = true, .create_if_missing = false, .range_cache_bytes = cache_bytes});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : nullptr;
}

// Subjects with 1 to 120 triples each (ranges shorter and longer than a
// cursor's read-ahead), over a few predicates.
class RangeCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = testing::OpenOrDie(dir_.path());
    ASSERT_NE(writer, nullptr);
    std::mt19937 rng(3);
    std::vector<Statement> st;
    for (int s = 0; s < 40; ++s) {
      int n = s == 0 ? 120 : 1 + static_cast<int>(rng() % 60);
      for (int i = 0; i < n; ++i)
        st.push_back(testing::St("urn:n:" + std::to_string(s), "urn:p:" + std::to_string(rng() % 3),
                                 "urn:n:" + std::to_string(rng() % 200)));
    }
    ASSERT_TRUE(writer->PutDocument(testing::Doc("d"), st).ok());
  }

  // Every triple of `store`, through a reader without a cache.
  std::set<Triple> All() {
    auto plain = OpenReader(dir_.path(), 0);
    std::set<Triple> all;
    for (auto c = plain->Scan({}); c->Valid(); c->Next()) all.insert(c->triple());
    return all;
  }

  std::vector<TermId> Ids(Store& store, const std::string& prefix, int n) {
    std::vector<TermId> out;
    for (int i = 0; i < n; ++i)
      if (auto id = store.FindTerm(Term::Iri(prefix + std::to_string(i))); id.ok())
        out.push_back(*id);
    return out;
  }

  testing::ScratchDir dir_;
};

TEST_F(RangeCacheTest, CachedRangesReadLikeABruteForceSet) {
  std::set<Triple> all = All();
  ASSERT_GT(all.size(), 1000u);
  // A cache of 4 KB holds no range of more than 64 ids: the long ones are
  // read from the files every time, the short ones from the cache.
  for (size_t bytes : {size_t{4} << 10, size_t{1} << 20}) {
    auto store = OpenReader(dir_.path(), bytes);
    ASSERT_NE(store, nullptr);
    std::vector<TermId> nodes = Ids(*store, "urn:n:", 200), preds = Ids(*store, "urn:p:", 3);
    std::mt19937 rng(17);
    std::vector<std::unique_ptr<TripleCursor>> reused;
    for (int k = 0; k < 4000; ++k) {
      TermId s = rng() % 3 ? nodes[rng() % 40] : kNoTerm;
      TermId p = rng() % 3 ? preds[rng() % preds.size()] : kNoTerm;
      TermId o = rng() % 3 ? nodes[rng() % nodes.size()] : kNoTerm;
      TriplePattern t{s, p, o};
      std::vector<Triple> want = testing::Matching(all, t);
      std::sort(want.begin(), want.end());
      // Read in part first (a probe, a LIMIT): that part must not be kept
      // as the whole range.
      size_t part = rng() % 40;
      auto first = store->Scan(t);
      std::vector<Triple> head = Read(*first, part);
      ASSERT_LE(head.size(), want.size());
      TripleCursor* c = testing::RestartOrScan(*store, &reused, t);
      std::vector<Triple> got = Read(*c);
      std::vector<Triple> again = Read(*store->Scan(t));
      EXPECT_TRUE(std::equal(head.begin(), head.end(), got.begin())) << s << " " << p << " " << o;
      std::sort(got.begin(), got.end());
      std::sort(again.begin(), again.end());
      EXPECT_EQ(got, want) << bytes << ": " << s << " " << p << " " << o;
      EXPECT_EQ(again, want) << bytes << ": " << s << " " << p << " " << o;
    }
  }
}

TEST_F(RangeCacheTest, SkipToOnACachedRangeLandsWhereASeekWould) {
  std::set<Triple> all = All();
  auto store = OpenReader(dir_.path(), size_t{1} << 20);
  std::vector<TermId> nodes = Ids(*store, "urn:n:", 200), preds = Ids(*store, "urn:p:", 3);
  for (TermId s : std::vector<TermId>(nodes.begin(), nodes.begin() + 40)) {
    Read(*store->Scan(TriplePattern{s, kNoTerm, kNoTerm}));  // now cached
    for (TermId p : preds) {
      for (TermId o : {TermId{0}, nodes[7], nodes[150]}) {
        auto c = store->Scan(TriplePattern{s, kNoTerm, kNoTerm});
        Read(*c, 3);  // a skip may go back, as a seek does
        ASSERT_TRUE(c->SkipTo(Triple{s, p, o}));
        auto it = all.lower_bound(Triple{s, p, o});
        std::vector<Triple> want;
        for (; it != all.end() && it->s == s; ++it) want.push_back(*it);
        EXPECT_EQ(Read(*c), want) << s << " " << p << " " << o;
      }
    }
    auto c = store->Scan(TriplePattern{s, kNoTerm, kNoTerm});
    EXPECT_FALSE(c->SkipTo(Triple{s + 1, preds[0], 0}));  // outside the range
  }
}

TEST_F(RangeCacheTest, ARangeReadPastASkipIsNotKeptAsWhole) {
  std::set<Triple> all = All();
  auto store = OpenReader(dir_.path(), size_t{1} << 20);
  std::vector<TermId> nodes = Ids(*store, "urn:n:", 200), preds = Ids(*store, "urn:p:", 3);
  for (TermId s : std::vector<TermId>(nodes.begin(), nodes.begin() + 40)) {
    auto c = store->Scan(TriplePattern{s, kNoTerm, kNoTerm});
    ASSERT_TRUE(c->SkipTo(Triple{s, preds[1], 0}));
    Read(*c);
    TriplePattern whole{s, kNoTerm, kNoTerm};
    EXPECT_EQ(Read(*store->Scan(whole)), testing::Matching(all, whole)) << s;
  }
}

TEST_F(RangeCacheTest, RefreshShowsTheWritersChanges) {
  auto reader = OpenReader(dir_.path(), size_t{1} << 20);
  ASSERT_NE(reader, nullptr);
  TermId s0 = *reader->FindTerm(Term::Iri("urn:n:0"));
  TermId p0 = *reader->FindTerm(Term::Iri("urn:p:0"));
  std::vector<Triple> before = Read(*reader->Scan(TriplePattern{s0, p0, kNoTerm}));
  std::vector<Triple> none = Read(*reader->Scan(TriplePattern{s0, p0, s0}));
  ASSERT_TRUE(none.empty());
  {
    auto writer = testing::OpenOrDie(dir_.path());
    ASSERT_NE(writer, nullptr);
    ASSERT_TRUE(
        writer->PutDocument(testing::Doc("e"), {testing::St("urn:n:0", "urn:p:0", "urn:n:0")})
            .ok());
  }
  // Until it refreshes, a reader keeps its view.
  EXPECT_EQ(Read(*reader->Scan(TriplePattern{s0, p0, kNoTerm})), before);
  ASSERT_KG_OK(reader->Refresh());
  std::vector<Triple> after = Read(*reader->Scan(TriplePattern{s0, p0, kNoTerm}));
  EXPECT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(Read(*reader->Scan(TriplePattern{s0, p0, s0})), (std::vector<Triple>{{s0, p0, s0}}));
}

}  // namespace
}  // namespace kg
