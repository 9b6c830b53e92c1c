// The bulk path against the same invariants as PutDocument: indexes, support,
// counts and names, checked against a brute-force set and Store::Check.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "kg/rocks_store.h"
#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::ScratchDir;
using testing::St;

std::set<Triple> All(const Store& store) {
  std::set<Triple> out;
  for (auto c = store.Scan({}); c->Valid(); c->Next()) out.insert(c->triple());
  return out;
}

void ExpectClean(const Store& store) {
  std::vector<std::string> problems;
  Status s = store.Check(&problems);
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (const auto& p : problems) ADD_FAILURE() << p;
}

TEST(BulkLoaderTest, ManyRunsMergeIntoTheSameStoreAsDocumentWrites) {
  SetBulkLoaderLimitsForTesting(/*run_triples=*/700, /*sort_chunk_keys=*/500, /*name_chunk=*/100);
  ScratchDir bulk_dir, ref_dir;
  auto bulk = OpenOrDie(bulk_dir.path());
  auto ref = OpenOrDie(ref_dir.path());
  // Both stores start with the same small document.
  std::vector<Statement> first = {
      St("urn:n:1", "urn:p:0", "urn:n:2"),
      St("urn:n:1", std::string(vocab::kRdfsLabel), Term::Literal("Node One"))};
  ASSERT_TRUE(bulk->PutDocument(Doc("small"), first).ok());
  ASSERT_TRUE(ref->PutDocument(Doc("small"), first).ok());

  std::mt19937 rng(11);
  std::vector<Statement> statements;
  auto loader = bulk->NewBulkLoader(Doc("big", "hb"));
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  EXPECT_FALSE(bulk->NewBulkLoader(Doc("other")).ok());  // one at a time
  for (int i = 0; i < 5000; ++i) {
    Statement st;
    int kind = rng() % 10;
    st.s = Term::Iri("urn:n:" + std::to_string(rng() % 300));
    if (kind == 0) {
      st.p = Term::Iri(std::string(vocab::kRdfsLabel));
      st.o = Term::Literal("Label " + std::to_string(rng() % 50), "", rng() % 2 ? "en" : "");
    } else {
      st.p = Term::Iri("urn:p:" + std::to_string(rng() % 5));
      st.o = kind == 1 ? Term::Literal(std::to_string(rng() % 100), std::string(vocab::kXsdInteger))
                       : Term::Iri("urn:n:" + std::to_string(rng() % 300));
    }
    ASSERT_KG_OK((*loader)->Add(st.s, st.p, st.o, nullptr));
    statements.push_back(st);
  }
  ASSERT_KG_OK((*loader)->Finish());
  EXPECT_EQ((*loader)->added(), 5000u);
  loader->reset();
  ASSERT_TRUE(ref->PutDocument(Doc("big", "hb"), statements).ok());

  // Same triples (compared as terms, since ids differ), same stats.
  auto as_terms = [](const Store& s) {
    std::set<std::string> out;
    for (const Triple& t : All(s)) {
      out.insert(s.GetTerm(t.s)->ToNTriples() + " " + s.GetTerm(t.p)->ToNTriples() + " " +
                 s.GetTerm(t.o)->ToNTriples());
    }
    return out;
  };
  EXPECT_EQ(as_terms(*bulk), as_terms(*ref));
  auto bs = bulk->GetStats(), rs = ref->GetStats();
  ASSERT_TRUE(bs.ok() && rs.ok());
  EXPECT_EQ(bs->triples, rs->triples);
  EXPECT_EQ(bs->entities, rs->entities);
  EXPECT_EQ(bs->documents, 2u);
  EXPECT_EQ((*bulk->GetDocument("big"))->triple_count, (*ref->GetDocument("big"))->triple_count);
  ASSERT_EQ(bs->predicates.size(), rs->predicates.size());
  for (const auto& ps : bs->predicates) {
    auto term = bulk->GetTerm(ps.predicate);
    auto other = ref->GetPredicateStats(*ref->FindTerm(*term));
    EXPECT_EQ(ps.triples, other->triples) << term->value;
    EXPECT_EQ(ps.distinct_subjects, other->distinct_subjects) << term->value;
    EXPECT_EQ(ps.distinct_objects, other->distinct_objects) << term->value;
  }
  EXPECT_EQ(bulk->FindByName("label 7")->size(), ref->FindByName("label 7")->size());
  EXPECT_EQ(bulk->FindByName("node one")->size(), 1u);
  ExpectClean(*bulk);

  // The shared triple is supported by both documents.
  Triple shared{*bulk->FindTerm(Term::Iri("urn:n:1")), *bulk->FindTerm(Term::Iri("urn:p:0")),
                *bulk->FindTerm(Term::Iri("urn:n:2"))};
  bool in_big = false;
  for (const auto& st : statements) {
    if (st.s.value == "urn:n:1" && st.p.value == "urn:p:0" && st.o.value == "urn:n:2")
      in_big = true;
  }
  EXPECT_EQ(bulk->SupportingDocuments(shared)->size(), in_big ? 2u : 1u);

  // Loading the same content again changes nothing; forgetting it leaves `small`.
  auto again = bulk->NewBulkLoader(Doc("big", "hb"));
  ASSERT_TRUE(again.ok());
  ASSERT_KG_OK((*again)->Add(Term::Iri("urn:x"), Term::Iri("urn:y"), Term::Iri("urn:z"), nullptr));
  ASSERT_KG_OK((*again)->Finish());
  again->reset();
  EXPECT_EQ(*bulk->Count({}), rs->triples);
  ASSERT_KG_OK(bulk->RemoveDocument("big"));
  EXPECT_EQ(*bulk->Count({}), 2u);
  EXPECT_TRUE(bulk->Contains(shared));
  EXPECT_EQ(bulk->FindByName("label 7")->size(), 0u);
  ExpectClean(*bulk);
  SetBulkLoaderLimitsForTesting(1 << 20, 2 << 20, 1 << 20);
}

TEST(BulkLoaderTest, ReloadWithOtherContentReplaces) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  for (const char* hash : {"h1", "h2"}) {
    auto loader = store->NewBulkLoader(Doc("rdf", hash));
    ASSERT_TRUE(loader.ok());
    std::string tag = hash;
    ASSERT_KG_OK(
        (*loader)->Add(Term::Iri("urn:a"), Term::Iri("urn:p"), Term::Literal(tag), nullptr));
    ASSERT_KG_OK(
        (*loader)->Add(Term::Iri("urn:a"), Term::Iri("urn:p"), Term::Literal("both"), nullptr));
    ASSERT_KG_OK((*loader)->Finish());
  }
  EXPECT_EQ(*store->Count({}), 2u);
  EXPECT_TRUE(store->FindTerm(Term::Literal("h2")).ok());
  TermId a = *store->FindTerm(Term::Iri("urn:a")), p = *store->FindTerm(Term::Iri("urn:p"));
  EXPECT_FALSE(store->Contains({a, p, *store->FindTerm(Term::Literal("h1"))}));
  ExpectClean(*store);
  auto bad = store->NewBulkLoader(Doc("bad"));
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ((*bad)->Add(Term::Literal("x"), Term::Iri("urn:p"), Term::Iri("urn:o"), nullptr).code(),
            Status::Code::kInvalidInput);
}

// Each run is resolved on another thread while the next is read: a load
// abandoned with a run still resolving stores nothing of it, and the store
// takes the next load.
TEST(BulkLoaderTest, ALoadAbandonedWhileARunResolvesStoresNothing) {
  SetBulkLoaderLimitsForTesting(/*run_triples=*/50, /*sort_chunk_keys=*/64, /*name_chunk=*/20);
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(store->PutDocument(Doc("small"), {St("urn:n:1", "urn:p:0", "urn:n:2")}).ok());
  for (int abandon_at : {49, 50, 51, 175}) {
    auto loader = store->NewBulkLoader(Doc("big"));
    ASSERT_TRUE(loader.ok()) << loader.status().ToString();
    for (int i = 0; i < abandon_at; ++i)
      ASSERT_KG_OK((*loader)->Add(Term::Iri("urn:n:" + std::to_string(i)),
                                  Term::Iri(std::string(vocab::kRdfsLabel)),
                                  Term::Literal("v" + std::to_string(i)), nullptr));
    EXPECT_EQ(
        (*loader)->Add(Term::Literal("x"), Term::Iri("urn:p"), Term::Iri("urn:o"), nullptr).code(),
        Status::Code::kInvalidInput);
    loader->reset();
    EXPECT_EQ(*store->Count({}), 1u) << abandon_at;
    EXPECT_FALSE(store->GetDocument("big")->has_value()) << abandon_at;
    ExpectClean(*store);
  }
  auto loader = store->NewBulkLoader(Doc("big"));
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  for (int i = 0; i < 175; ++i)
    ASSERT_KG_OK((*loader)->Add(Term::Iri("urn:n:" + std::to_string(i)),
                                Term::Iri(std::string(vocab::kRdfsLabel)),
                                Term::Literal("v" + std::to_string(i)), nullptr));
  ASSERT_KG_OK((*loader)->Finish());
  loader->reset();
  EXPECT_EQ(*store->Count({}), 176u);
  EXPECT_EQ(store->FindByName("v174")->size(), 1u);
  ExpectClean(*store);
  SetBulkLoaderLimitsForTesting(1 << 20, 2 << 20, 1 << 20);
}

}  // namespace
}  // namespace kg
