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

}  // namespace

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
