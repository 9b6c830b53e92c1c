// The store API against a real RocksDB on disk.
#include "kg/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "kg/vocab.h"
#include "tests/kg/test_util.h"

namespace kg {
namespace {

using testing::Doc;
using testing::OpenOrDie;
using testing::ScratchDir;
using testing::St;

const std::string kLabel(vocab::kRdfsLabel);
const std::string kAlt(vocab::kSkosAltLabel);
const std::string kType(vocab::kRdfType);

std::vector<Triple> ScanAll(const Store& store, const TriplePattern& p) {
  std::vector<Triple> out;
  auto c = store.Scan(p);
  for (; c->Valid(); c->Next()) out.push_back(c->triple());
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;
}

TermId Id(const Store& store, const std::string& iri) {
  auto r = store.FindTerm(Term::Iri(iri));
  EXPECT_TRUE(r.ok()) << iri << ": " << r.status().ToString();
  return r.ok() ? *r : kNoTerm;
}

TEST(StoreTest, EveryPatternMatchesBruteForce) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  std::mt19937 rng(7);
  std::set<std::tuple<int, int, int>> expected;  // by name index
  for (int d = 0; d < 5; ++d) {
    std::vector<Statement> sts;
    for (int i = 0; i < 60; ++i) {
      int s = rng() % 8, p = rng() % 4, o = rng() % 8;
      sts.push_back(St("urn:n:" + std::to_string(s), "urn:p:" + std::to_string(p),
                       "urn:n:" + std::to_string(o)));
      expected.insert({s, p, o});
    }
    auto r = store->PutDocument(Doc("d" + std::to_string(d)), sts);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, PutOutcome::kAdded);
  }
  std::map<int, TermId> n, p;
  for (int i = 0; i < 8; ++i) n[i] = Id(*store, "urn:n:" + std::to_string(i));
  for (int i = 0; i < 4; ++i) p[i] = Id(*store, "urn:p:" + std::to_string(i));
  std::set<Triple> all;
  for (auto [s, pp, o] : expected) all.insert(Triple{n[s], p[pp], n[o]});

  // Every combination of bound positions, with values that exist and not.
  std::vector<TermId> nodes = {kNoTerm, n[0], n[3], n[7], 999999};
  std::vector<TermId> preds = {kNoTerm, p[0], p[2], 999999};
  for (TermId s : nodes) {
    for (TermId pp : preds) {
      for (TermId o : nodes) {
        TriplePattern pat{s, pp, o};
        std::vector<Triple> want;
        for (const Triple& t : all) {
          if ((s == kNoTerm || t.s == s) && (pp == kNoTerm || t.p == pp) &&
              (o == kNoTerm || t.o == o)) {
            want.push_back(t);
          }
        }
        auto got = ScanAll(*store, pat);
        std::vector<Triple> sorted_got = got;
        std::sort(sorted_got.begin(), sorted_got.end());
        EXPECT_EQ(sorted_got, want) << s << " " << pp << " " << o;
        auto count = store->Count(pat);
        ASSERT_TRUE(count.ok());
        EXPECT_EQ(*count, want.size()) << s << " " << pp << " " << o;
      }
    }
  }
  // Key order: SPO scans come out sorted by (s, p, o).
  auto spo = ScanAll(*store, {});
  EXPECT_TRUE(std::is_sorted(spo.begin(), spo.end()));
  auto pos = ScanAll(*store, {kNoTerm, p[1], kNoTerm});
  EXPECT_TRUE(std::is_sorted(pos.begin(), pos.end(), [](const Triple& a, const Triple& b) {
    return std::tie(a.o, a.s) < std::tie(b.o, b.s);
  }));
  for (const Triple& t : all) EXPECT_TRUE(store->Contains(t));
  EXPECT_FALSE(store->Contains({n[0], p[0], 999999}));
  std::vector<std::string> problems;
  EXPECT_KG_OK(store->Check(&problems));
  EXPECT_TRUE(problems.empty());
}

TEST(StoreTest, TermsRoundTrip) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  const Term lit = Term::Literal("ça va", "", "fr");
  const Term num = Term::Literal("42", std::string(vocab::kXsdInteger));
  ASSERT_TRUE(store
                  ->PutDocument(Doc("d"),
                                {Statement{Term::Blank("b1"), Term::Iri("urn:p"), lit, false, {}},
                                 Statement{Term::Iri("urn:s"), Term::Iri("urn:p"), num, false, {}}})
                  .ok());
  for (const Term& t : {lit, num, Term::Blank("b1"), Term::Iri("urn:s")}) {
    auto id = store->FindTerm(t);
    ASSERT_TRUE(id.ok()) << t.ToNTriples();
    auto back = store->GetTerm(*id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, t);
  }
  EXPECT_TRUE(store->FindTerm(Term::Literal("42")).status().IsNotFound());
  EXPECT_TRUE(store->GetTerm(123456).status().IsNotFound());
  // A literal cannot be a subject; nothing is stored.
  auto bad = store->PutDocument(Doc("bad"), {Statement{lit, Term::Iri("urn:p"), lit, false, {}}});
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(store->GetDocument("bad")->has_value());
}

TEST(StoreTest, ReplaceAndUnchanged) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  auto r = store->PutDocument(Doc("d1", "h1"),
                              {St("urn:a", "urn:p", "urn:b"), St("urn:a", "urn:p", "urn:c")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, PutOutcome::kAdded);
  r = store->PutDocument(Doc("d1", "h1"), {St("urn:x", "urn:p", "urn:y")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, PutOutcome::kUnchanged);
  EXPECT_EQ(*store->Count({}), 2u);
  r = store->PutDocument(Doc("d1", "h2"),
                         {St("urn:a", "urn:p", "urn:c"), St("urn:x", "urn:p", "urn:y")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, PutOutcome::kReplaced);
  TermId a = Id(*store, "urn:a"), p = Id(*store, "urn:p"), b = Id(*store, "urn:b"),
         c = Id(*store, "urn:c"), x = Id(*store, "urn:x"), y = Id(*store, "urn:y");
  EXPECT_FALSE(store->Contains({a, p, b}));
  EXPECT_TRUE(store->Contains({a, p, c}));
  EXPECT_TRUE(store->Contains({x, p, y}));
  EXPECT_EQ(*store->Count({}), 2u);
  auto doc = store->GetDocument("d1");
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ((*doc)->content_hash, "h2");
  EXPECT_EQ((*doc)->triple_count, 2u);
  auto docs = store->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 1u);
  std::vector<std::string> problems;
  EXPECT_KG_OK(store->Check(&problems));
}

TEST(StoreTest, TripleStaysUntilLastSupportingDocumentGoes) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  auto shared = St("urn:kg:entity:bytedance", "urn:kg:pred:owns", "urn:kg:entity:tiktok");
  ASSERT_TRUE(store->PutDocument(Doc("a"), {shared, St("urn:a", "urn:p", "urn:a1")}).ok());
  ASSERT_TRUE(store->PutDocument(Doc("b"), {shared}).ok());
  ASSERT_TRUE(store->PutDocument(Doc("c"), {shared, St("urn:c", "urn:p", "urn:c1")}).ok());
  Triple t{Id(*store, "urn:kg:entity:bytedance"), Id(*store, "urn:kg:pred:owns"),
           Id(*store, "urn:kg:entity:tiktok")};
  auto sup = store->SupportingDocuments(t);
  ASSERT_TRUE(sup.ok());
  EXPECT_EQ(*sup, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(*store->Count({}), 3u);

  ASSERT_KG_OK(store->RemoveDocument("b"));
  EXPECT_TRUE(store->Contains(t));
  EXPECT_EQ(*store->SupportingDocuments(t), (std::vector<std::string>{"a", "c"}));
  ASSERT_KG_OK(store->RemoveDocument("a"));
  EXPECT_TRUE(store->Contains(t));
  EXPECT_EQ(*store->Count({}), 2u);
  EXPECT_FALSE(store->FindByName("bytedance")->empty());
  ASSERT_KG_OK(store->RemoveDocument("c"));
  EXPECT_FALSE(store->Contains(t));
  EXPECT_EQ(*store->Count({}), 0u);
  EXPECT_TRUE(store->FindByName("bytedance")->empty());
  EXPECT_TRUE(store->RemoveDocument("c").IsNotFound());
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->triples, 0u);
  EXPECT_EQ(stats->documents, 0u);
  EXPECT_TRUE(stats->predicates.empty());
  std::vector<std::string> problems;
  EXPECT_KG_OK(store->Check(&problems));
}

TEST(StoreTest, LabelIndexFoldsCaseQuotesAndDashes) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  const std::string e = vocab::EntityIri("People's Republic of China");
  ASSERT_TRUE(
      store
          ->PutDocument(Doc("d"),
                        {St(e, kLabel, Term::Literal("People\xE2\x80\x99s  Republic of China")),
                         St(e, kAlt, Term::Literal("PRC")),
                         St(e, kAlt,
                            Term::Literal("Sino\xE2\x80\x93"
                                          "state")),
                         St("urn:kg:entity:tiktok", kType, "urn:kg:type:Product")})
          .ok());
  TermId id = Id(*store, e);
  for (const char* name : {"people's republic of china", "PEOPLE\xE2\x80\x98S REPUBLIC OF CHINA",
                           "prc", " Prc ", "sino-STATE", "people s republic of china"}) {
    auto found = store->FindByName(name);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(*found, std::vector<TermId>{id}) << name;
  }
  EXPECT_EQ(*store->FindByName("TikTok"), std::vector<TermId>{Id(*store, "urn:kg:entity:tiktok")});
  EXPECT_TRUE(store->FindByName("china")->empty());
  auto pre = store->NamesWithPrefix("People", 10);
  ASSERT_TRUE(pre.ok());
  ASSERT_EQ(pre->size(), 2u);  // the label and the IRI's local name
  EXPECT_EQ((*pre)[0].first, "people s republic of china");
  EXPECT_EQ((*pre)[1].first, "people's republic of china");
  EXPECT_EQ(store->NamesWithPrefix("p", 1)->size(), 1u);
  std::vector<std::string> all;
  ASSERT_KG_OK(store->ForEachName([&](std::string_view n, TermId) {
    all.emplace_back(n);
    return true;
  }));
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(all.size(), 5u);
  EXPECT_EQ(store->Label(id), "People\xE2\x80\x99s  Republic of China");
  EXPECT_EQ(store->Label(Id(*store, "urn:kg:entity:tiktok")), "tiktok");
  EXPECT_EQ(store->Label(Id(*store, "urn:kg:type:Product")), "Product");

  // Replacing the document without the alias drops the alias from the index.
  ASSERT_TRUE(store->PutDocument(Doc("d", "h2"), {St(e, kLabel, Term::Literal("PRC"))}).ok());
  EXPECT_EQ(*store->FindByName("prc"), std::vector<TermId>{id});
  EXPECT_TRUE(store->FindByName("sino-state")->empty());
  EXPECT_TRUE(store->FindByName("people's republic of china")->empty());
  EXPECT_TRUE(store->FindByName("tiktok")->empty());
}

TEST(StoreTest, EvidenceRowsPerDocument) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  Statement st = St("urn:kg:entity:china", "urn:kg:pred:funds", "urn:kg:entity:quantum");
  st.has_evidence = true;
  st.evidence = Evidence{"", 2, 100, 140, "China funds quantum research.", "funds-1", 0.9f};
  Statement st2 = st;
  st2.evidence.sentence_index = 5;
  st2.evidence.sentence = "Beijing funds quantum labs.";
  ASSERT_TRUE(store->PutDocument(Doc("n1"), {st, st2}).ok());
  Statement st3 = st;
  st3.evidence.rule = "funds-2";
  ASSERT_TRUE(store->PutDocument(Doc("n2"), {st3}).ok());
  Triple t{Id(*store, "urn:kg:entity:china"), Id(*store, "urn:kg:pred:funds"),
           Id(*store, "urn:kg:entity:quantum")};
  auto ev = store->GetEvidence(t);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 3u);
  EXPECT_EQ((*ev)[0].doc_id, "n1");
  EXPECT_EQ((*ev)[0].sentence_index, 2u);
  EXPECT_EQ((*ev)[0].begin, 100u);
  EXPECT_EQ((*ev)[0].end, 140u);
  EXPECT_EQ((*ev)[0].sentence, "China funds quantum research.");
  EXPECT_FLOAT_EQ((*ev)[0].confidence, 0.9f);
  EXPECT_EQ((*ev)[1].sentence, "Beijing funds quantum labs.");
  EXPECT_EQ((*ev)[2].doc_id, "n2");
  EXPECT_EQ((*ev)[2].rule, "funds-2");
  EXPECT_EQ((*store->GetDocument("n1"))->triple_count, 1u);
  ASSERT_KG_OK(store->RemoveDocument("n1"));
  ev = store->GetEvidence(t);
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].doc_id, "n2");
  std::vector<Triple> seen;
  ASSERT_KG_OK(store->ForEachDocumentTriple("n2", [&](const Triple& x) {
    seen.push_back(x);
    return true;
  }));
  EXPECT_EQ(seen, std::vector<Triple>{t});
  EXPECT_TRUE(store->ForEachDocumentTriple("n1", [](const Triple&) { return true; }).IsNotFound());
}

TEST(StoreTest, StatsKeptCurrent) {
  ScratchDir dir;
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(
      store
          ->PutDocument(
              Doc("d1"),
              {St("urn:a", kType, "urn:kg:type:Company"), St("urn:b", kType, "urn:kg:type:Company"),
               St("urn:c", kType, "urn:kg:type:Country"), St("urn:a", "urn:kg:pred:owns", "urn:b"),
               St("urn:a", "urn:kg:pred:owns", "urn:c"), St("urn:b", "urn:kg:pred:owns", "urn:c")})
          .ok());
  TermId owns = Id(*store, "urn:kg:pred:owns"), type = Id(*store, kType);
  auto ps = store->GetPredicateStats(owns);
  ASSERT_TRUE(ps.ok());
  EXPECT_EQ(ps->triples, 3u);
  EXPECT_EQ(ps->distinct_subjects, 2u);
  EXPECT_EQ(ps->distinct_objects, 2u);
  EXPECT_EQ(*store->Count({kNoTerm, owns, kNoTerm}), 3u);
  ASSERT_TRUE(store
                  ->PutDocument(Doc("d2"), {St("urn:c", "urn:kg:pred:owns", "urn:a"),
                                            St("urn:a", "urn:kg:pred:owns", "urn:b")})
                  .ok());
  ps = store->GetPredicateStats(owns);
  EXPECT_EQ(ps->triples, 4u);
  EXPECT_EQ(ps->distinct_subjects, 3u);
  EXPECT_EQ(ps->distinct_objects, 3u);
  auto st = store->GetStats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->triples, 7u);
  EXPECT_EQ(st->documents, 2u);
  EXPECT_EQ(st->entities, 3u);
  EXPECT_GT(st->disk_bytes, 0u);
  EXPECT_EQ(st->terms, 7u);
  ASSERT_EQ(st->types.size(), 2u);
  EXPECT_EQ(st->types[0], std::make_pair(Id(*store, "urn:kg:type:Company"), uint64_t{2}));
  EXPECT_EQ(st->types[1], std::make_pair(Id(*store, "urn:kg:type:Country"), uint64_t{1}));
  ASSERT_EQ(st->predicates.size(), 2u);
  ASSERT_KG_OK(store->RemoveDocument("d1"));
  ps = store->GetPredicateStats(owns);
  EXPECT_EQ(ps->triples, 2u);
  EXPECT_EQ(ps->distinct_subjects, 2u);
  EXPECT_EQ(ps->distinct_objects, 2u);
  EXPECT_EQ(store->GetPredicateStats(type)->triples, 0u);
  EXPECT_EQ(*store->Count({}), 2u);
}

TEST(StoreTest, ReopenKeepsEverything) {
  ScratchDir dir;
  {
    auto store = OpenOrDie(dir.path());
    ASSERT_TRUE(store->PutDocument(Doc("d1"), {St("urn:a", "urn:p", "urn:b")}).ok());
  }
  auto store = OpenOrDie(dir.path());
  EXPECT_EQ(*store->Count({}), 1u);
  ASSERT_TRUE(store->PutDocument(Doc("d2"), {St("urn:c", "urn:p", "urn:d")}).ok());
  EXPECT_EQ(Id(*store, "urn:c"), 4u);  // ids keep counting after a reopen
  EXPECT_EQ(*store->Count({}), 2u);
}

}  // namespace
}  // namespace kg
