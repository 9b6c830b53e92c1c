#include "query/export/graph_builder.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "query/export/graph_assembler.h"

namespace kg::exporting {
namespace {

// "did you mean" names for an unknown entity name.
std::string Suggestions(const Store& store, std::string_view name) {
  std::string prefix;
  for (char c : name.substr(0, 3))
    prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto names = store.NamesWithPrefix(prefix, 5);
  if (!names.ok() || names->empty()) return "";
  std::string out = " (did you mean ";
  for (size_t i = 0; i < names->size(); ++i) {
    if (i) out += ", ";
    out += "'" + store.Label((*names)[i].second) + "'";
  }
  return out + "?)";
}

// A triple of the whole-graph scan, kept until its terms are read; its
// documents and evidence follow those of the triples before it in flat lists.
struct Pending {
  Triple triple;
  uint64_t weight = 0;
  uint32_t documents = 0;
  uint32_t evidence = 0;
};

}  // namespace

Result<ExportGraph> BuildWholeGraph(const Store& store, const BuildOptions& options) {
  // Two passes of sequential reads instead of point reads per edge: the
  // triples with their support (attribute triples among them), then every
  // term they name; then the assembly in scan order, so node and edge order
  // are those of the SPO index.
  GraphAssembler a(store, options);
  KG_RETURN_IF_ERROR(a.Init());
  a.set_deduplicate(false);
  KG_ASSIGN_OR_RETURN(uint64_t total, store.Count(TriplePattern{}));
  a.set_expected(total);
  a.ReserveEdges(total);

  std::vector<Pending> pending;
  pending.reserve(total);
  std::vector<uint32_t> docs;
  std::vector<ExportEvidence> evidence;
  std::vector<DocumentInfo> documents;
  const size_t max_evidence = options.evidence ? options.max_evidence : 0;
  KG_RETURN_IF_ERROR(store.ForEachSupport(max_evidence, &documents, [&](const TripleSupport& row) {
    Pending p{row.triple};
    if (a.IsAttribute(row.triple.p)) {
      a.AddAttribute(row.triple);
    } else {
      p.weight = row.sentences != 0 ? row.sentences : row.documents.size();
      p.documents = static_cast<uint32_t>(row.documents.size());
      docs.insert(docs.end(), row.documents.begin(), row.documents.end());
      p.evidence = static_cast<uint32_t>(row.evidence.size());
      for (const Evidence& e : row.evidence)
        evidence.push_back(ExportEvidence{e.doc_id, e.sentence});
    }
    pending.push_back(p);
    return true;
  }));
  a.UseDocuments(std::move(documents));
  a.set_attributes_complete();

  std::vector<TermId> ids;
  ids.reserve(2 * pending.size());
  for (const Pending& p : pending) {
    ids.push_back(p.triple.s);
    if (a.IsAttribute(p.triple.p)) continue;
    ids.push_back(p.triple.p);
    ids.push_back(p.triple.o);
  }
  a.AppendAttributeTerms(&ids);
  KG_RETURN_IF_ERROR(a.PreloadTerms(std::move(ids)));

  size_t next_doc = 0, next_evidence = 0;
  for (const Pending& p : pending) {
    EdgeSupport support;
    support.weight = p.weight;
    support.documents = std::span<const uint32_t>(docs).subspan(next_doc, p.documents);
    next_doc += p.documents;
    auto ev = evidence.begin() + next_evidence;
    support.evidence.assign(std::make_move_iterator(ev), std::make_move_iterator(ev + p.evidence));
    next_evidence += p.evidence;
    KG_RETURN_IF_ERROR(a.AddEdge(p.triple, std::move(support)).status());
  }
  KG_RETURN_IF_ERROR(a.AddAttributedNodes());
  return a.Finish();
}

Result<ExportGraph> BuildAround(const Store& store, std::string_view name, int depth,
                                const BuildOptions& options) {
  if (depth < 0) return Status::InvalidInput("--depth must be 0 or more");
  KG_ASSIGN_OR_RETURN(std::vector<TermId> start, store.FindByName(name));
  if (start.empty()) {
    return Status::NotFound("no entity named '" + std::string(name) + "'" +
                            Suggestions(store, name));
  }
  GraphAssembler a(store, options);
  KG_RETURN_IF_ERROR(a.Init());
  std::unordered_map<TermId, int> distance;
  std::deque<TermId> queue;
  for (TermId id : start) {
    if (distance.emplace(id, 0).second) queue.push_back(id);
    KG_ASSIGN_OR_RETURN(uint32_t ignored, a.Node(id));
    (void)ignored;
  }
  while (!queue.empty()) {
    TermId id = queue.front();
    queue.pop_front();
    int d = distance[id];
    if (d >= depth) continue;
    for (bool outgoing : {true, false}) {
      TriplePattern pattern =
          outgoing ? TriplePattern{id, kNoTerm, kNoTerm} : TriplePattern{kNoTerm, kNoTerm, id};
      auto cur = store.Scan(pattern);
      for (; cur->Valid(); cur->Next()) {
        Triple t = cur->triple();
        if (a.IsAttribute(t.p)) continue;
        KG_ASSIGN_OR_RETURN(bool added, a.AddEdge(t));
        if (!added) continue;
        TermId other = outgoing ? t.o : t.s;
        if (distance.emplace(other, d + 1).second) queue.push_back(other);
      }
      KG_RETURN_IF_ERROR(cur->status());
    }
  }
  return a.Finish();
}

Result<ExportGraph> BuildFromTriples(const Store& store, const std::vector<Triple>& triples,
                                     const BuildOptions& options) {
  GraphAssembler a(store, options);
  KG_RETURN_IF_ERROR(a.Init());
  a.set_expected(triples.size());
  for (const Triple& t : triples) {
    KG_ASSIGN_OR_RETURN(bool added, a.AddEdge(t));
    (void)added;
  }
  return a.Finish();
}

Result<ExportGraph> BuildAmong(const Store& store, const std::vector<TermId>& entities,
                               const BuildOptions& options) {
  GraphAssembler a(store, options);
  KG_RETURN_IF_ERROR(a.Init());
  std::unordered_set<TermId> members(entities.begin(), entities.end());
  for (TermId id : entities) {
    KG_ASSIGN_OR_RETURN(uint32_t ignored, a.Node(id));
    (void)ignored;
  }
  for (TermId id : entities) {
    auto cur = store.Scan(TriplePattern{id, kNoTerm, kNoTerm});
    for (; cur->Valid(); cur->Next()) {
      Triple t = cur->triple();
      if (a.IsAttribute(t.p) || !members.count(t.o)) continue;
      KG_ASSIGN_OR_RETURN(bool added, a.AddEdge(t));
      (void)added;
    }
    KG_RETURN_IF_ERROR(cur->status());
  }
  return a.Finish();
}

}  // namespace kg::exporting
