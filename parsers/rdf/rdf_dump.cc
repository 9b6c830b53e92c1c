#include "parsers/rdf/rdf_dump.h"

#include <unordered_map>

#include "kg/vocab.h"

namespace kg::rdf {
namespace {

// Serialized terms by id: predicates and hub nodes repeat on most lines.
class TermCache {
 public:
  explicit TermCache(const Store& store) : store_(store) {}

  Result<const std::string*> Get(TermId id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return &it->second;
    KG_ASSIGN_OR_RETURN(Term t, store_.GetTerm(id));
    if (cache_.size() >= kMaxEntries) cache_.clear();  // bounded memory beats a perfect LRU
    std::string text;
    AppendTerm(&text, t);
    return &cache_.emplace(id, std::move(text)).first->second;
  }

 private:
  static constexpr size_t kMaxEntries = 1 << 18;
  const Store& store_;
  std::unordered_map<TermId, std::string> cache_;
};

Status AppendTriple(TermCache& cache, const Triple& t, std::string* line) {
  KG_ASSIGN_OR_RETURN(const std::string* s, cache.Get(t.s));
  line->append(*s);
  line->push_back(' ');
  KG_ASSIGN_OR_RETURN(const std::string* p, cache.Get(t.p));
  line->append(*p);
  line->push_back(' ');
  KG_ASSIGN_OR_RETURN(const std::string* o, cache.Get(t.o));
  line->append(*o);
  return Status::OK();
}

}  // namespace

std::string DocumentIri(std::string_view doc_id) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string iri(vocab::kDocumentNs);
  for (unsigned char c : doc_id) {
    if (c <= 0x20 || c == 0x7F || c == '%' || c == '<' || c == '>' || c == '"' || c == '{' ||
        c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') {
      iri += '%';
      iri += kHex[c >> 4];
      iri += kHex[c & 15];
    } else {
      iri += static_cast<char>(c);
    }
  }
  return iri;
}

Status Dump(const Store& store, Format format, Writer* out, uint64_t* statements) {
  *statements = 0;
  TermCache cache(store);
  std::string line;
  if (format == Format::kNTriples) {
    auto cursor = store.Scan(TriplePattern{});
    for (; cursor->Valid(); cursor->Next()) {
      line.clear();
      KG_RETURN_IF_ERROR(AppendTriple(cache, cursor->triple(), &line));
      line.append(" .\n");
      KG_RETURN_IF_ERROR(out->WriteRaw(line));
      ++*statements;
    }
    KG_RETURN_IF_ERROR(cursor->status());
    return out->Flush();
  }
  KG_ASSIGN_OR_RETURN(std::vector<DocumentInfo> docs, store.ListDocuments());
  for (const DocumentInfo& doc : docs) {
    std::string graph;
    AppendTerm(&graph, Term::Iri(DocumentIri(doc.id)));
    Status failed;
    KG_RETURN_IF_ERROR(store.ForEachDocumentTriple(doc.id, [&](const Triple& t) {
      line.clear();
      failed = AppendTriple(cache, t, &line);
      if (failed.ok()) {
        line.push_back(' ');
        line.append(graph);
        line.append(" .\n");
        failed = out->WriteRaw(line);
      }
      ++*statements;
      return failed.ok();
    }));
    KG_RETURN_IF_ERROR(failed);
  }
  return out->Flush();
}

}  // namespace kg::rdf
