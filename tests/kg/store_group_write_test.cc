// Store::PutDocuments: a group of documents in one atomic write leaves the
// store exactly as writing them one by one does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kg/store.h"
#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::ScratchDir;
using testing::St;

const std::string kLabel(vocab::kRdfsLabel);
const std::string kType(vocab::kRdfType);

// Every triple as N-Triples, with its supporting documents and evidence
// sentences, in index order: two stores agree when these agree.
std::vector<std::string> Dump(const Store& store) {
  std::vector<std::string> out;
  auto c = store.Scan(TriplePattern{});
  for (; c->Valid(); c->Next()) {
    Triple t = c->triple();
    std::string line;
    for (TermId id : {t.s, t.p, t.o}) {
      auto term = store.GetTerm(id);
      EXPECT_TRUE(term.ok()) << term.status().ToString();
      if (term.ok()) line += term->ToNTriples() + " ";
    }
    auto docs = store.SupportingDocuments(t);
    EXPECT_TRUE(docs.ok());
    if (docs.ok())
      for (const auto& d : *docs) line += "doc=" + d + " ";
    auto ev = store.GetEvidence(t);
    EXPECT_TRUE(ev.ok());
    if (ev.ok())
      for (const auto& e : *ev) line += "ev=" + e.sentence + " ";
    out.push_back(line);
  }
  EXPECT_TRUE(c->status().ok());
  auto docs = store.ListDocuments();
  EXPECT_TRUE(docs.ok());
  if (docs.ok())
    for (const auto& d : *docs)
      out.push_back("document " + d.id + " " + d.content_hash + " " +
                    std::to_string(d.triple_count));
  return out;
}

Statement WithEvidence(Statement s, const std::string& sentence) {
  s.has_evidence = true;
  s.evidence.sentence = sentence;
  s.evidence.rule = "r";
  return s;
}

// Documents that share entities, labels and relations, as ingest writes them.
std::vector<DocumentWrite> Corpus(const std::string& hash) {
  std::vector<DocumentWrite> docs;
  for (int d = 0; d < 6; ++d) {
    DocumentWrite w{Doc("d" + std::to_string(d), hash), {}};
    for (int e = 0; e < 4; ++e) {
      std::string iri = "urn:e:" + std::to_string((d + e) % 5);
      w.statements.push_back(St(iri, kLabel, Term::Literal("Entity " + std::to_string(e))));
      w.statements.push_back(St(iri, kType, "urn:t:Org"));
    }
    w.statements.push_back(
        WithEvidence(St("urn:e:" + std::to_string(d % 5), "urn:p:funds", "urn:e:0"),
                     "sentence " + hash + std::to_string(d)));
    docs.push_back(std::move(w));
  }
  return docs;
}

TEST(StoreGroupWriteTest, GroupEqualsOneByOne) {
  ScratchDir a, b;
  auto one = OpenOrDie(a.path()), group = OpenOrDie(b.path());
  ASSERT_TRUE(one && group);
  for (const char* version : {"v1", "v2"}) {  // v2 replaces every document
    auto docs = Corpus(version);
    for (const auto& d : docs) {
      auto r = one->PutDocument(d.info, d.statements);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
    auto r = group->PutDocuments(docs);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->size(), docs.size());
    for (PutOutcome o : *r)
      EXPECT_EQ(o, version[1] == '1' ? PutOutcome::kAdded : PutOutcome::kReplaced);
    EXPECT_EQ(Dump(*one), Dump(*group));
  }
  auto r = group->PutDocuments(Corpus("v2"));
  ASSERT_TRUE(r.ok());
  for (PutOutcome o : *r) EXPECT_EQ(o, PutOutcome::kUnchanged);
  std::vector<std::string> problems;
  EXPECT_KG_OK(group->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(StoreGroupWriteTest, ARepeatedIdReplacesTheEarlierVersion) {
  ScratchDir a, b;
  auto one = OpenOrDie(a.path()), group = OpenOrDie(b.path());
  ASSERT_TRUE(one && group);
  std::vector<DocumentWrite> docs = {
      {Doc("x", "h1"), {St("urn:e:1", "urn:p:q", "urn:e:2")}},
      {Doc("y", "h1"), {St("urn:e:2", "urn:p:q", "urn:e:3")}},
      {Doc("x", "h2"), {St("urn:e:1", "urn:p:q", "urn:e:3")}},
  };
  for (const auto& d : docs) ASSERT_TRUE(one->PutDocument(d.info, d.statements).ok());
  auto r = group->PutDocuments(docs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(
      *r, (std::vector<PutOutcome>{PutOutcome::kAdded, PutOutcome::kAdded, PutOutcome::kReplaced}));
  EXPECT_EQ(Dump(*one), Dump(*group));
  std::vector<std::string> problems;
  EXPECT_KG_OK(group->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(StoreGroupWriteTest, ABadDocumentStoresNoneOfTheGroup) {
  ScratchDir a;
  auto store = OpenOrDie(a.path());
  ASSERT_TRUE(store);
  std::vector<DocumentWrite> docs = {
      {Doc("good"), {St("urn:e:1", "urn:p:q", "urn:e:2")}},
      {Doc("bad"),
       {Statement{Term::Literal("x"), Term::Iri("urn:p:q"), Term::Iri("urn:e:1"), false, {}}}},
  };
  auto r = store->PutDocuments(docs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("bad"), std::string::npos) << r.status().ToString();
  EXPECT_TRUE(Dump(*store).empty());
  // The ids the failed write would have used are used by the next one.
  auto ok = store->PutDocuments({docs[0]});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  std::vector<std::string> problems;
  EXPECT_KG_OK(store->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

}  // namespace
}  // namespace kg
