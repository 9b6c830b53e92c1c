#include "tests/export/policy_store.h"

#include <gtest/gtest.h>

#include "kg/store.h"
#include "kg/vocab.h"

namespace kg::exporting::testing {
namespace {

struct Entity {
  std::string label, type;
  std::vector<std::string> aliases;
};

const Entity kChina{"China", "Country", {"PRC", "the \"Middle\" Kingdom"}};
const Entity kAcme{"Acme \"Quoted\" <Labs> & Co", "Company", {}};
const Entity kLines{"line one\nline two", "Policy", {}};
const Entity kZurich{"Zürich 北京", "Place", {}};
const Entity kScript{"</script><script>alert(1)</script><!--", "Product", {}};
const Entity kEnd{"end", "Technology", {"graph"}};
const Entity kAlone{"Self-reliance", "Goal", {}};

Term Iri(const Entity& e) { return Term::Iri(vocab::EntityIri(e.label)); }

void Describe(const Entity& e, std::vector<Statement>* out) {
  out->push_back({Iri(e),
                  Term::Iri(std::string(vocab::kRdfType)),
                  Term::Iri(vocab::TypeIri(e.type)),
                  false,
                  {}});
  out->push_back(
      {Iri(e), Term::Iri(std::string(vocab::kRdfsLabel)), Term::Literal(e.label), false, {}});
  for (const std::string& a : e.aliases) {
    out->push_back(
        {Iri(e), Term::Iri(std::string(vocab::kSkosAltLabel)), Term::Literal(a), false, {}});
  }
}

void Relate(const Entity& s, const std::string& p, const Entity& o, const std::string& sentence,
            uint32_t index, std::vector<Statement>* out) {
  Statement st{Iri(s), Term::Iri(vocab::PredicateIri(p)), Iri(o), true, {}};
  st.evidence.sentence_index = index;
  st.evidence.begin = index * 100;
  st.evidence.end = index * 100 + static_cast<uint32_t>(sentence.size());
  st.evidence.sentence = sentence;
  st.evidence.rule = "test";
  out->push_back(std::move(st));
}

}  // namespace

void BuildPolicyStore(const std::string& dir) {
  auto store = Store::Open(dir);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Statement> one;
  for (const Entity* e : {&kChina, &kAcme, &kLines, &kZurich, &kScript, &kEnd, &kAlone}) {
    Describe(*e, &one);
  }
  Relate(kChina, "funds", kEnd, "China funds \"end\" & more </script><!-- here.", 0, &one);
  Relate(kChina, "funds", kAcme, "China funds Acme.", 1, &one);
  Relate(kAcme, "develops", kEnd, "Acme develops end.", 2, &one);
  Relate(kLines, "regulates", kEnd, "The policy regulates end.", 3, &one);
  Relate(kScript, "part_of", kEnd, "The product is part of end.", 4, &one);
  Relate(kAcme, "based_in", kZurich, "Acme is based in Zürich.", 5, &one);
  // A literal-valued relation is a node attribute, never an edge.
  one.push_back({Iri(kAcme),
                 Term::Iri(vocab::PredicateIri("founded")),
                 Term::Literal("1999", std::string(vocab::kXsdInteger)),
                 false,
                 {}});
  DocumentInfo d1{"doc-1", "Report \"one\" <1>", "2024-01-05", "doc-1.txt", "h1", 0};
  auto r = (*store)->PutDocument(d1, one);
  ASSERT_TRUE(r.ok()) << r.status().ToString();

  std::vector<Statement> two;
  Relate(kChina, "funds", kEnd, "Beijing again funds end.", 0, &two);
  Relate(kChina, "restricts", kScript, "China restricts the product.", 1, &two);
  DocumentInfo d2{"doc-2", "Second", "2025-03-05", "doc-2.txt", "h2", 0};
  r = (*store)->PutDocument(d2, two);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

}  // namespace kg::exporting::testing
