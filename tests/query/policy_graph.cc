#include "tests/query/policy_graph.h"

#include <map>
#include <vector>

#include "kg/vocab.h"

namespace kg::testing {
namespace {

struct Entity {
  const char* label;
  const char* type;
  std::vector<const char*> aliases;
};

const Entity kEntities[] = {
    {"China", "Country", {"PRC", "People's Republic of China"}},
    {"United States", "Country", {"USA", "US"}},
    {"Japan", "Country", {}},
    {"European Union", "Bloc", {"EU"}},
    {"DeepSeek", "Company", {}},
    {"Huawei", "Company", {}},
    {"Quantum technology", "Technology", {"quantum tech"}},
    {"Artificial intelligence", "Technology", {"AI"}},
    {"Generative AI", "Technology", {"GenAI"}},
    {"Large language models", "Technology", {"LLMs"}},
    {"6G", "Technology", {}},
    {"Semiconductors", "Sector", {"chips"}},
    {"Technological self-reliance", "Goal", {}},
    {"Global leadership", "Goal", {}},
    {"DeepSeek-R1", "Product", {}},
    {"AI Act", "Policy", {}},
};

struct Relation {
  const char* s;
  const char* p;
  const char* o;
  const char* sentence;
};

struct Doc {
  const char* id;
  const char* date;
  std::vector<Relation> relations;
};

const Doc kDocs[] = {
    {"china-ai-push",
     "2024-03-05",
     {{"China", "funds", "Quantum technology", "China is ramping up investment in quantum tech."},
      {"China", "funds", "Artificial intelligence", "China funds AI research."},
      {"China", "funds", "6G", "China allocates funds to 6G."},
      {"China", "supports", "Semiconductors", "China supports the chip industry."},
      {"China", "aims_for", "Technological self-reliance", "China seeks self-reliance."},
      {"DeepSeek", "based_in", "China", "Chinese startup DeepSeek released a model."},
      {"DeepSeek", "develops", "Generative AI", "DeepSeek develops generative AI."},
      {"DeepSeek", "develops", "DeepSeek-R1", "DeepSeek launched DeepSeek-R1."}}},
    {"us-chips",
     "2023-08-09",
     {{"United States", "funds", "Semiconductors", "The CHIPS Act funds semiconductors."},
      {"United States", "restricts", "Semiconductors", "Export controls restrict chips."},
      {"United States", "restricts", "Huawei", "The US blacklisted Huawei."},
      {"United States", "supports", "Artificial intelligence", "The US supports AI."},
      {"United States", "aims_for", "Global leadership", "The US seeks global leadership."},
      {"United States", "competes_with", "China", "The US competes with China."}}},
    {"eu-ai-act",
     "2024-05-21",
     {{"European Union", "regulates", "Artificial intelligence", "The AI Act regulates AI."},
      {"European Union", "supports", "Generative AI", "The EU supports generative AI."},
      {"AI Act", "issued_by", "European Union", "The AI Act was passed by the EU."},
      {"Generative AI", "part_of", "Artificial intelligence", "Generative AI is a branch of AI."},
      {"Large language models", "part_of", "Generative AI", "LLMs are generative AI."}}},
    {"japan-quantum",
     "2022-01-10",
     {{"Japan", "funds", "Quantum technology", "Japan invests in quantum technology."},
      {"Japan", "supports", "Semiconductors", "Japan subsidizes chip plants."},
      {"Huawei", "develops", "6G", "Huawei develops 6G."},
      {"China", "funds", "Quantum technology", "China also funds quantum research."}}},
};

Term EntityTerm(const std::string& label) { return Term::Iri(vocab::EntityIri(label)); }

}  // namespace

Status WritePolicyGraph(Store* store) {
  std::map<std::string, const Entity*> by_label;
  for (const auto& e : kEntities) by_label[e.label] = &e;
  for (const Doc& doc : kDocs) {
    DocumentInfo info;
    info.id = doc.id;
    info.title = doc.id;
    info.date = doc.date;
    info.source = std::string(doc.id) + ".txt";
    info.content_hash = std::string("hash-") + doc.id;
    std::vector<Statement> statements;
    std::map<std::string, bool> described;
    auto describe = [&](const std::string& label) {
      if (described[label]) return;
      described[label] = true;
      const auto* e = by_label.at(label);
      statements.push_back({EntityTerm(label),
                            Term::Iri(std::string(vocab::kRdfType)),
                            Term::Iri(vocab::TypeIri(e->type)),
                            false,
                            {}});
      statements.push_back({EntityTerm(label),
                            Term::Iri(std::string(vocab::kRdfsLabel)),
                            Term::Literal(label),
                            false,
                            {}});
      for (const char* alias : e->aliases) {
        statements.push_back({EntityTerm(label),
                              Term::Iri(std::string(vocab::kSkosAltLabel)),
                              Term::Literal(alias),
                              false,
                              {}});
      }
    };
    uint32_t sentence_index = 0;
    for (const Relation& r : doc.relations) {
      describe(r.s);
      describe(r.o);
      Statement st{EntityTerm(r.s), Term::Iri(vocab::PredicateIri(r.p)), EntityTerm(r.o), true, {}};
      st.evidence.sentence_index = sentence_index++;
      st.evidence.sentence = r.sentence;
      st.evidence.rule = "test-rule";
      statements.push_back(std::move(st));
    }
    auto put = store->PutDocument(info, statements);
    if (!put.ok()) return put.status();
  }
  return Status::OK();
}

Status BuildPolicyGraphStore(const std::string& dir) {
  auto store = Store::Open(dir);
  if (!store.ok()) return store.status();
  return WritePolicyGraph(store->get());
}

}  // namespace kg::testing
