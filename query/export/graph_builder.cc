#include "query/export/graph_builder.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kg/vocab.h"

namespace kg::exporting {
namespace {

struct TripleHash {
  size_t operator()(const Triple& t) const {
    uint64_t h = t.s * 0x9E3779B97F4A7C15ULL;
    h ^= t.p + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2);
    h ^= t.o + 0x85EBCA77C2B2AE63ULL + (h << 6) + (h >> 2);
    return static_cast<size_t>(h);
  }
};

// What a node's attribute triples say, as term ids.
struct Attrs {
  TermId label = kNoTerm;  // rdfs:label literal
  TermId pref = kNoTerm;   // skos:prefLabel literal
  TermId type = kNoTerm;   // rdf:type object
  std::vector<TermId> aliases;
};

class Assembler {
 public:
  Assembler(const Store& store, const BuildOptions& options) : store_(store), options_(options) {}

  Status Init() {
    KG_ASSIGN_OR_RETURN(type_, Lookup(vocab::kRdfType));
    KG_ASSIGN_OR_RETURN(label_, Lookup(vocab::kRdfsLabel));
    KG_ASSIGN_OR_RETURN(pref_, Lookup(vocab::kSkosPrefLabel));
    KG_ASSIGN_OR_RETURN(alt_, Lookup(vocab::kSkosAltLabel));
    KG_ASSIGN_OR_RETURN(std::vector<DocumentInfo> docs, store_.ListDocuments());
    for (DocumentInfo& d : docs) documents_.emplace(d.id, ExportDocument{d.id, d.title, d.date});
    return Status::OK();
  }

  bool IsAttribute(TermId p) const {
    return p != kNoTerm && (p == type_ || p == label_ || p == pref_ || p == alt_);
  }

  // Reads every attribute triple with one scan per attribute predicate, for
  // whole-graph exports (far cheaper than three lookups per node).
  Status PreloadAttributes() {
    preloaded_ = true;
    for (TermId p : {type_, label_, pref_, alt_}) {
      if (p == kNoTerm) continue;
      auto cur = store_.Scan(TriplePattern{kNoTerm, p, kNoTerm});
      for (; cur->Valid(); cur->Next()) Apply(attrs_[cur->triple().s], cur->triple());
      KG_RETURN_IF_ERROR(cur->status());
    }
    return Status::OK();
  }

  Status PreloadSupport() {
    std::vector<std::string> ids;
    for (const auto& [id, doc] : documents_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) {
      auto index = static_cast<uint32_t>(doc_ids_.size());
      doc_ids_.push_back(id);
      KG_RETURN_IF_ERROR(store_.ForEachDocumentTriple(id, [&](const Triple& t) {
        support_.emplace_back(t, index);
        return true;
      }));
    }
    std::sort(support_.begin(), support_.end());
    support_loaded_ = true;
    return Status::OK();
  }

  // Every subject with a type or a label, whether or not it has edges.
  Status AddAttributedNodes() {
    std::vector<TermId> ids;
    ids.reserve(attrs_.size());
    for (const auto& [id, a] : attrs_) {
      if (a.type != kNoTerm || a.label != kNoTerm || a.pref != kNoTerm) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    for (TermId id : ids) {
      KG_ASSIGN_OR_RETURN(uint32_t ignored, Node(id));
      (void)ignored;
    }
    return Status::OK();
  }

  // The node for term `id`, created on first use.
  Result<uint32_t> Node(TermId id) {
    auto it = node_index_.find(id);
    if (it != node_index_.end()) return it->second;
    KG_ASSIGN_OR_RETURN(Term term, store_.GetTerm(id));
    ExportNode n;
    n.id = term.is_blank() ? "_:" + term.value : term.value;
    Attrs local;
    const Attrs* a = &local;
    if (preloaded_) {
      auto found = attrs_.find(id);
      if (found != attrs_.end()) a = &found->second;
    } else {
      for (TermId p : {type_, label_, pref_, alt_}) {
        if (p == kNoTerm) continue;
        auto cur = store_.Scan(TriplePattern{id, p, kNoTerm});
        for (; cur->Valid(); cur->Next()) Apply(local, cur->triple());
        KG_RETURN_IF_ERROR(cur->status());
      }
    }
    TermId label = a->label != kNoTerm ? a->label : a->pref;
    if (label != kNoTerm) {
      KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(label));
      n.label = std::move(t.value);
      n.label_stored = a->label != kNoTerm;
    } else {
      n.label = store_.Label(id);
    }
    if (a->type != kNoTerm) {
      auto cached = type_iris_.find(a->type);
      if (cached == type_iris_.end()) {
        KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(a->type));
        cached = type_iris_.emplace(a->type, std::move(t.value)).first;
      }
      n.type_iri = cached->second;
      n.type = std::string(vocab::LocalName(n.type_iri));
    }
    for (TermId alias : a->aliases) {
      KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(alias));
      n.aliases.push_back(std::move(t.value));
    }
    auto index = static_cast<uint32_t>(graph_.nodes.size());
    graph_.nodes.push_back(std::move(n));
    node_index_.emplace(id, index);
    return index;
  }

  // Adds triple `t` as an edge unless it is an attribute triple, a literal
  // valued one, or already added. Returns whether it became an edge.
  Result<bool> AddEdge(const Triple& t) {
    if (IsAttribute(t.p)) {
      KG_ASSIGN_OR_RETURN(uint32_t ignored, Node(t.s));
      (void)ignored;
      return false;
    }
    if (literals_.count(t.o)) return false;
    if (!node_index_.count(t.o)) {
      KG_ASSIGN_OR_RETURN(Term o, store_.GetTerm(t.o));
      if (o.is_literal()) {
        literals_.insert(t.o);
        return false;
      }
    }
    if (!seen_.insert(t).second) return false;
    ExportEdge e;
    KG_ASSIGN_OR_RETURN(e.source, Node(t.s));
    KG_ASSIGN_OR_RETURN(e.target, Node(t.o));
    auto pit = predicates_.find(t.p);
    if (pit == predicates_.end()) {
      KG_ASSIGN_OR_RETURN(Term p, store_.GetTerm(t.p));
      pit = predicates_.emplace(t.p, std::move(p.value)).first;
    }
    e.predicate_iri = pit->second;
    e.predicate = std::string(vocab::LocalName(e.predicate_iri));
    if (support_loaded_) {
      auto it = std::lower_bound(support_.begin(), support_.end(), std::make_pair(t, uint32_t{0}));
      for (; it != support_.end() && it->first == t; ++it)
        e.documents.push_back(doc_ids_[it->second]);
    } else {
      KG_ASSIGN_OR_RETURN(e.documents, store_.SupportingDocuments(t));
    }
    KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store_.GetEvidence(t));
    e.weight = evidence.empty() ? e.documents.size() : evidence.size();
    if (options_.evidence) {
      for (Evidence& ev : evidence) {
        if (e.evidence.size() >= options_.max_evidence) break;
        e.evidence.push_back(ExportEvidence{std::move(ev.doc_id), std::move(ev.sentence)});
      }
    }
    for (const std::string& d : e.documents) {
      referenced_.insert(d);
      auto doc = documents_.find(d);
      if (doc == documents_.end() || doc->second.date.empty()) continue;
      for (uint32_t end : {e.source, e.target}) {
        ExportNode& n = graph_.nodes[end];
        const std::string& date = doc->second.date;
        if (n.first_date.empty() || date < n.first_date) n.first_date = date;
        if (n.last_date.empty() || date > n.last_date) n.last_date = date;
      }
    }
    graph_.edges.push_back(std::move(e));
    if (options_.progress && (graph_.edges.size() & 0x3FFF) == 0) {
      options_.progress(graph_.edges.size(), expected_);
    }
    return true;
  }

  void set_expected(uint64_t n) { expected_ = n; }
  bool HasNode(TermId id) const { return node_index_.count(id) != 0; }

  ExportGraph Finish() {
    graph_.ComputeDegrees();
    std::vector<std::string> ids(referenced_.begin(), referenced_.end());
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) {
      auto doc = documents_.find(id);
      graph_.documents.push_back(doc != documents_.end() ? doc->second
                                                         : ExportDocument{id, {}, {}});
    }
    if (options_.progress) options_.progress(graph_.edges.size(), graph_.edges.size());
    return std::move(graph_);
  }

 private:
  Result<TermId> Lookup(std::string_view iri) {
    Result<TermId> id = store_.FindTerm(Term::Iri(std::string(iri)));
    if (id.ok()) return id;
    if (id.status().IsNotFound()) return kNoTerm;
    return id.status();
  }
  void Apply(Attrs& a, const Triple& t) const {
    if (t.p == type_) {
      if (a.type == kNoTerm) a.type = t.o;
    } else if (t.p == label_) {
      if (a.label == kNoTerm) a.label = t.o;
    } else if (t.p == pref_) {
      if (a.pref == kNoTerm) a.pref = t.o;
    } else if (t.p == alt_) {
      a.aliases.push_back(t.o);
    }
  }

  const Store& store_;
  const BuildOptions& options_;
  TermId type_ = kNoTerm, label_ = kNoTerm, pref_ = kNoTerm, alt_ = kNoTerm;
  bool preloaded_ = false;
  uint64_t expected_ = 0;
  std::unordered_map<TermId, Attrs> attrs_;
  std::unordered_map<TermId, uint32_t> node_index_;
  std::unordered_map<TermId, std::string> predicates_;
  std::unordered_map<TermId, std::string> type_iris_;
  // Whole-graph exports: (triple, document) pairs read document by document,
  // sorted, instead of one SupportingDocuments lookup per triple.
  std::vector<std::pair<Triple, uint32_t>> support_;
  std::vector<std::string> doc_ids_;
  bool support_loaded_ = false;
  std::unordered_set<TermId> literals_;
  std::unordered_set<Triple, TripleHash> seen_;
  std::unordered_map<std::string, ExportDocument> documents_;
  std::unordered_set<std::string> referenced_;
  ExportGraph graph_;
};

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

Result<ExportGraph> BuildWholeGraph(const Store& store, const BuildOptions& options) {
  Assembler a(store, options);
  KG_RETURN_IF_ERROR(a.Init());
  KG_RETURN_IF_ERROR(a.PreloadAttributes());
  KG_RETURN_IF_ERROR(a.PreloadSupport());
  KG_ASSIGN_OR_RETURN(uint64_t total, store.Count(TriplePattern{}));
  a.set_expected(total);
  auto cur = store.Scan(TriplePattern{});
  for (; cur->Valid(); cur->Next()) {
    KG_ASSIGN_OR_RETURN(bool added, a.AddEdge(cur->triple()));
    (void)added;
  }
  KG_RETURN_IF_ERROR(cur->status());
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
  Assembler a(store, options);
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
  Assembler a(store, options);
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
  Assembler a(store, options);
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
