// Cursor reuse and skipping (TripleCursor::Restart, SkipTo) must read exactly
// what a fresh Scan reads; ListPredicateStats and ListTypeCounts must agree
// with the per-predicate rows, with range counts and with GetStats.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "kg/store.h"
#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

std::vector<Triple> Read(TripleCursor& c) {
  std::vector<Triple> out;
  for (; c.Valid(); c.Next()) out.push_back(c.triple());
  EXPECT_TRUE(c.status().ok()) << c.status().ToString();
  return out;
}

class StoreCursorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenOrDie(dir_.path());
    ASSERT_NE(store_, nullptr);
    std::mt19937 rng(11);
    std::vector<Statement> st;
    for (int i = 0; i < 300; ++i)
      st.push_back(testing::St("urn:n:" + std::to_string(rng() % 20),
                               "urn:p:" + std::to_string(rng() % 4),
                               "urn:n:" + std::to_string(rng() % 20)));
    auto r = store_->PutDocument(testing::Doc("d"), st);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    for (int i = 0; i < 20; ++i)
      nodes_.push_back(*store_->FindTerm(Term::Iri("urn:n:" + std::to_string(i))));
    for (int i = 0; i < 4; ++i)
      preds_.push_back(*store_->FindTerm(Term::Iri("urn:p:" + std::to_string(i))));
  }
  testing::ScratchDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<TermId> nodes_, preds_;
};

TEST_F(StoreCursorTest, RestartReadsWhatAFreshScanReads) {
  // Every pattern shape, in an order that jumps back and forth in each index.
  std::vector<TriplePattern> patterns;
  for (int k = 0; k < 200; ++k) {
    TermId s = k % 3 == 0 ? kNoTerm : nodes_[(k * 7) % 20];
    TermId p = k % 5 == 0 ? kNoTerm : preds_[k % 4];
    TermId o = k % 2 == 0 ? kNoTerm : nodes_[(k * 13) % 20];
    if (s == kNoTerm && p == kNoTerm && o == kNoTerm) continue;
    patterns.push_back(TriplePattern{s, p, o});
  }
  std::vector<std::unique_ptr<TripleCursor>> reused;
  int restarted = 0;
  for (const TriplePattern& t : patterns) {
    auto fresh = store_->Scan(t);
    std::vector<Triple> want = Read(*fresh);
    const size_t opened = reused.size();
    TripleCursor* c = testing::RestartOrScan(*store_, &reused, t);
    if (reused.size() == opened) ++restarted;
    EXPECT_EQ(Read(*c), want) << t.s << " " << t.p << " " << t.o;
  }
  EXPECT_LE(reused.size(), 3u);  // one per index
  EXPECT_GT(restarted, 150);
}

TEST_F(StoreCursorTest, RestartRefusesAnotherIndex) {
  auto c = store_->Scan(TriplePattern{nodes_[1], preds_[0], kNoTerm});  // SPO
  std::vector<Triple> before = Read(*c);
  c = store_->Scan(TriplePattern{nodes_[1], preds_[0], kNoTerm});
  EXPECT_FALSE(c->Restart(TriplePattern{kNoTerm, preds_[0], nodes_[2]}));  // POS
  EXPECT_EQ(Read(*c), before);
}

TEST_F(StoreCursorTest, SkipToLandsOnTheFirstTripleNotBefore) {
  // POS range of one predicate: ordered on (object, subject).
  std::vector<Triple> all = Read(*store_->Scan(TriplePattern{kNoTerm, preds_[2], kNoTerm}));
  ASSERT_GT(all.size(), 20u);
  for (TermId o : nodes_) {
    auto c = store_->Scan(TriplePattern{kNoTerm, preds_[2], kNoTerm});
    ASSERT_TRUE(c->SkipTo(Triple{kNoTerm, preds_[2], o}));
    auto it = std::find_if(all.begin(), all.end(), [&](const Triple& t) { return t.o >= o; });
    EXPECT_EQ(Read(*c), std::vector<Triple>(it, all.end()));
  }
  auto c = store_->Scan(TriplePattern{kNoTerm, preds_[2], kNoTerm});
  EXPECT_FALSE(c->SkipTo(Triple{kNoTerm, preds_[3], nodes_[0]}));  // outside the range
}

// Bulk-loaded files carry a filter on each index key's first two ids, so a
// seek for a subject-predicate (or predicate-object, object-subject) pair the
// file lacks skips it. Shorter ranges must not use it: a subject's scan that
// skips to a predicate the subject lacks lands on its next predicate.
TEST(StoreFilteredCursorTest, FilteredFilesReadLikeABruteForceSet) {
  testing::ScratchDir dir;
  std::set<Triple> all;
  std::vector<TermId> nodes, preds;
  {
    auto store = testing::OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    auto loader = store->NewBulkLoader(testing::Doc("bulk"));
    ASSERT_TRUE(loader.ok()) << loader.status().ToString();
    std::mt19937 rng(5);
    for (int i = 0; i < 1500; ++i) {
      Term s = Term::Iri("urn:n:" + std::to_string(rng() % 200)),
           p = Term::Iri("urn:p:" + std::to_string(rng() % 6)),
           o = Term::Iri("urn:n:" + std::to_string(rng() % 200));
      ASSERT_TRUE((*loader)->Add(s, p, o, nullptr).ok());
    }
    ASSERT_TRUE((*loader)->Finish().ok());
  }
  auto store = testing::OpenOrDie(dir.path(), /*read_only=*/true);
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 200; ++i)
    if (auto id = store->FindTerm(Term::Iri("urn:n:" + std::to_string(i))); id.ok())
      nodes.push_back(*id);
  for (int i = 0; i < 6; ++i)
    preds.push_back(*store->FindTerm(Term::Iri("urn:p:" + std::to_string(i))));
  for (auto c = store->Scan({}); c->Valid(); c->Next()) all.insert(c->triple());
  ASSERT_GT(all.size(), 1400u);

  auto sorted = [](std::vector<Triple> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  std::mt19937 rng(9);
  std::vector<std::unique_ptr<TripleCursor>> reused;
  int missing_pairs = 0;
  for (int k = 0; k < 3000; ++k) {
    TermId s = rng() % 3 ? nodes[rng() % nodes.size()] : kNoTerm;
    TermId p = rng() % 3 ? preds[rng() % preds.size()] : kNoTerm;
    TermId o = rng() % 3 ? nodes[rng() % nodes.size()] : kNoTerm;
    if (s == kNoTerm && p == kNoTerm && o == kNoTerm) continue;
    TriplePattern t{s, p, o};
    std::vector<Triple> want = testing::Matching(all, t);
    if (want.empty()) ++missing_pairs;
    EXPECT_EQ(sorted(Read(*store->Scan(t))), want) << s << " " << p << " " << o;
    TripleCursor* c = testing::RestartOrScan(*store, &reused, t);
    EXPECT_EQ(sorted(Read(*c)), want) << s << " " << p << " " << o;
  }
  EXPECT_GT(missing_pairs, 500);

  // A subject's scan skipping to each predicate, present or not.
  for (TermId s : nodes) {
    for (TermId p : preds) {
      auto c = store->Scan(TriplePattern{s, kNoTerm, kNoTerm});
      ASSERT_TRUE(c->SkipTo(Triple{s, p, 0}));
      auto it = all.lower_bound(Triple{s, p, 0});
      if (it == all.end() || it->s != s) {
        EXPECT_FALSE(c->Valid()) << s << " " << p;
      } else {
        ASSERT_TRUE(c->Valid()) << s << " " << p;
        EXPECT_EQ(c->triple(), *it);
      }
    }
  }
}

TEST_F(StoreCursorTest, ListPredicateStatsAgreesWithTheOtherReads) {
  auto listed = store_->ListPredicateStats();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(listed->size(), stats->predicates.size());
  ASSERT_EQ(listed->size(), 4u);
  for (size_t i = 0; i < listed->size(); ++i) {
    const PredicateStats& ps = (*listed)[i];
    auto one = store_->GetPredicateStats(ps.predicate);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(ps.triples, one->triples);
    EXPECT_EQ(ps.triples, *store_->Count(TriplePattern{kNoTerm, ps.predicate, kNoTerm}));
    EXPECT_EQ(ps.distinct_subjects, stats->predicates[i].distinct_subjects);
    if (i > 0) {
      EXPECT_LT((*listed)[i - 1].predicate, ps.predicate);
    }
  }
}

TEST(StoreTypeCountsTest, ListTypeCountsAgreesWithGetStatsAndRangeCounts) {
  testing::ScratchDir dir;
  auto store = testing::OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  const std::string type(vocab::kRdfType), label(vocab::kRdfsLabel), alt(vocab::kSkosAltLabel);
  std::vector<Statement> st;
  for (int i = 0; i < 50; ++i) {
    std::string e = "urn:e:" + std::to_string(i);
    // Types on some entities, labels on others, both on a few: the entity
    // count is the union, types count their subjects.
    if (i % 3 != 0) st.push_back(testing::St(e, type, "urn:t:" + std::to_string(i % 4)));
    if (i % 5 == 0) st.push_back(testing::St(e, label, Term::Literal("E" + std::to_string(i))));
    if (i % 7 == 0) st.push_back(testing::St(e, alt, Term::Literal("e" + std::to_string(i))));
    st.push_back(testing::St(e, "urn:p:rel", "urn:e:" + std::to_string((i * 7) % 50)));
  }
  ASSERT_TRUE(store->PutDocument(testing::Doc("d"), st).ok());
  auto listed = store->ListTypeCounts();
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(*listed, stats->types);
  ASSERT_EQ(listed->size(), 4u);
  TermId type_id = *store->FindTerm(Term::Iri(type));
  uint64_t typed = 0;
  for (const auto& [t, n] : *listed) {
    EXPECT_EQ(n, *store->Count(TriplePattern{kNoTerm, type_id, t}));
    typed += n;
  }
  EXPECT_EQ(typed, 33u);  // i % 3 != 0 for 33 of 0..49
  // Typed (33) plus untyped with a label or alias: i % 3 == 0 and (i % 5 == 0
  // or i % 7 == 0): 0, 15, 21, 30, 42, 45.
  EXPECT_EQ(stats->entities, 39u);
}

}  // namespace
}  // namespace kg
