// Whole-store bulk reads: ForEachSupport and GetTerms must agree with the
// per-triple and per-term reads they stand in for.
#include <gtest/gtest.h>

#include <random>

#include "kg/store.h"
#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

// Statements with evidence: some triples stated by several documents, some
// several times in one document.
std::vector<Statement> Statements(std::mt19937& rng, int n) {
  std::vector<Statement> out;
  for (int i = 0; i < n; ++i) {
    Statement st =
        testing::St("urn:n:" + std::to_string(rng() % 6), "urn:p:" + std::to_string(rng() % 2),
                    "urn:n:" + std::to_string(rng() % 6));
    st.has_evidence = true;
    st.evidence.sentence_index = static_cast<uint32_t>(i);
    st.evidence.sentence = "Sentence " + std::to_string(i) + ".";
    st.evidence.rule = "r" + std::to_string(i % 4);
    out.push_back(std::move(st));
  }
  return out;
}

// A store with written documents (evidence) and a bulk-loaded one (none).
void Fill(Store& store) {
  std::mt19937 rng(5);
  for (const char* id : {"doc-b", "doc-a", "doc-c"}) {
    auto r = store.PutDocument(testing::Doc(id), Statements(rng, 40));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  auto loader = store.NewBulkLoader(testing::Doc("bulk"));
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  for (int i = 0; i < 30; ++i) {
    ASSERT_KG_OK((*loader)->Add(Term::Iri("urn:n:" + std::to_string(i % 15)),
                                Term::Iri("urn:p:" + std::to_string(i % 2)),
                                Term::Iri("urn:n:" + std::to_string((i * 7) % 15)), nullptr));
  }
  ASSERT_KG_OK((*loader)->Finish());
}

void ExpectSupportMatchesPointReads(const Store& store, size_t max_evidence) {
  std::vector<Triple> scanned;
  auto cur = store.Scan(TriplePattern{});
  for (; cur->Valid(); cur->Next()) scanned.push_back(cur->triple());
  ASSERT_KG_OK(cur->status());

  std::vector<DocumentInfo> docs;
  size_t i = 0, repeated = 0;
  ASSERT_KG_OK(store.ForEachSupport(max_evidence, &docs, [&](const TripleSupport& row) {
    EXPECT_LT(i, scanned.size());
    if (i >= scanned.size()) return false;
    EXPECT_EQ(row.triple, scanned[i]) << "row " << i;
    std::vector<std::string> ids;
    for (uint32_t d : row.documents) ids.push_back(docs.at(d).id);
    std::vector<std::string> expected_ids = *store.SupportingDocuments(row.triple);
    std::sort(expected_ids.begin(), expected_ids.end());
    EXPECT_EQ(ids, expected_ids) << "row " << i;
    EXPECT_TRUE(std::is_sorted(row.documents.begin(), row.documents.end()));
    std::vector<Evidence> evidence = *store.GetEvidence(row.triple);
    EXPECT_EQ(row.sentences, evidence.size()) << "row " << i;
    EXPECT_EQ(row.evidence.size(), std::min(evidence.size(), max_evidence));
    if (evidence.size() > 1) ++repeated;
    for (size_t e = 0; e < row.evidence.size(); ++e) {
      EXPECT_EQ(row.evidence[e].doc_id, evidence[e].doc_id);
      EXPECT_EQ(row.evidence[e].sentence, evidence[e].sentence);
      EXPECT_EQ(row.evidence[e].rule, evidence[e].rule);
    }
    ++i;
    return true;
  }));
  EXPECT_EQ(i, scanned.size());
  EXPECT_GT(repeated, 5u);  // the evidence limit was exercised
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "bulk");
  EXPECT_EQ(docs[1].id, "doc-a");
  EXPECT_EQ(docs[1].date, "2024-01-02");
}

TEST(StoreSupportTest, ForEachSupportMatchesPointReads) {
  testing::ScratchDir dir;
  auto store = testing::OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  Fill(*store);
  for (size_t max_evidence : {size_t{0}, size_t{1}, size_t{100}}) {
    SCOPED_TRACE(max_evidence);
    ExpectSupportMatchesPointReads(*store, max_evidence);
  }
  // A document removed: its evidence and support disappear from the scan too.
  ASSERT_KG_OK(store->RemoveDocument("doc-b"));
  store.reset();
  auto reader = testing::OpenOrDie(dir.path(), /*read_only=*/true);
  ASSERT_TRUE(reader);
  std::vector<DocumentInfo> docs;
  uint64_t rows = 0;
  ASSERT_KG_OK(reader->ForEachSupport(5, &docs, [&](const TripleSupport& row) {
    EXPECT_FALSE(row.documents.empty());
    for (const Evidence& e : row.evidence) EXPECT_NE(e.doc_id, "doc-b");
    return ++rows < 3;  // stops when asked
  }));
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(docs.size(), 3u);
}

TEST(StoreSupportTest, EmptyStore) {
  testing::ScratchDir dir;
  auto store = testing::OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  std::vector<DocumentInfo> docs{DocumentInfo{}};
  ASSERT_KG_OK(store->ForEachSupport(1, &docs, [](const TripleSupport&) {
    ADD_FAILURE() << "no triples";
    return true;
  }));
  EXPECT_TRUE(docs.empty());
  auto none = store->GetTerms({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(StoreSupportTest, GetTermsMatchesGetTerm) {
  testing::ScratchDir dir;
  auto store = testing::OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  Fill(*store);
  std::vector<Statement> literals = {
      testing::St("urn:n:1", std::string(vocab::kRdfsLabel), Term::Literal("One", "", "en")),
      testing::St("urn:n:2", "urn:p:size", Term::Literal("42", std::string(vocab::kXsdInteger)))};
  ASSERT_TRUE(store->PutDocument(testing::Doc("lit"), literals).ok());
  uint64_t terms = store->GetStats()->terms;
  ASSERT_GT(terms, 20u);
  // Unsorted, with repeats and gaps, so both the stepping and the seeking
  // paths run.
  std::mt19937 rng(3);
  std::vector<TermId> ids;
  for (int i = 0; i < 200; ++i) ids.push_back(1 + rng() % terms);
  for (TermId id = terms; id >= 1; --id) ids.push_back(id);
  auto got = store->GetTerms(ids);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    auto one = store->GetTerm(ids[i]);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    EXPECT_EQ((*got)[i], *one) << "id " << ids[i];
  }
  auto missing = store->GetTerms({1, terms + 5});
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound()) << missing.status().ToString();
}

}  // namespace
}  // namespace kg
