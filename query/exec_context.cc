#include "query/exec_context.h"

#include <algorithm>
#include <cstdio>

#include "kg/vocab.h"

namespace kg::query {

ExecContext::ExecContext(const Store& store, const QueryOptions& options)
    : store_(store),
      options_(options),
      label_cache_(store.label_cache()),
      view_(store.ViewVersion()) {
  if (options.timeout_seconds > 0) {
    has_deadline_ = true;
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::microseconds(static_cast<int64_t>(options.timeout_seconds * 1e6));
  }
}

bool ExecContext::Tick() {
  if (!status_.ok()) return false;
  if ((++ticks_ & 1023) != 0) return true;
  if (options_.cancel && options_.cancel->load(std::memory_order_relaxed)) {
    Stop(Status::Cancelled("query cancelled"));
    return false;
  }
  if (has_deadline_ && std::chrono::steady_clock::now() > deadline_) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", options_.timeout_seconds);
    Stop(Status::Timeout(std::string("query stopped after ") + buf + " s (--timeout)" +
                         timeout_hint));
    return false;
  }
  return true;
}

TripleCursor& ExecContext::Cursor(const void* owner, const TriplePattern& pattern) {
  std::unique_ptr<TripleCursor>& c = cursors_[owner];
  if (c && c->Restart(pattern)) return *c;
  for (size_t i = 0; i < spare_cursors_.size(); ++i) {
    if (!spare_cursors_[i]->Restart(pattern)) continue;  // another index
    std::swap(c, spare_cursors_[i]);
    if (!spare_cursors_[i]) spare_cursors_.erase(spare_cursors_.begin() + static_cast<long>(i));
    return *c;
  }
  c = store_.Scan(pattern);
  return *c;
}

void ExecContext::AddSpareCursors(std::vector<std::unique_ptr<TripleCursor>> cursors) {
  for (auto& c : cursors)
    if (c) spare_cursors_.push_back(std::move(c));
}

void ExecContext::ReleaseCursors() {
  for (auto& [owner, c] : cursors_)
    if (c) spare_cursors_.push_back(std::move(c));
  cursors_.clear();
}

const std::string& ExecContext::Label(TermId id) {
  auto it = labels_.find(id);
  if (it != labels_.end()) return it->second;
  std::string label;
  if (label_cache_ && label_cache_->Get(view_, id, &label))
    return labels_.emplace(id, std::move(label)).first->second;
  bool complete = true;
  label = ReadLabel(id, &complete);
  return Keep(id, std::move(label), complete);
}

const std::string& ExecContext::Keep(TermId id, std::string label, bool complete) {
  if (label_cache_ && complete) label_cache_->Put(view_, id, label);
  return labels_.insert_or_assign(id, std::move(label)).first->second;
}

std::string ExecContext::ReadLabel(TermId id, bool* complete) {
  // The store's rule (rdfs:label, then skos:prefLabel, then the IRI's local
  // name; a literal is its own label) read through one reused cursor. Among
  // rdfs:labels an untagged one wins, else the first; among prefLabels an
  // untagged or English one.
  const Term* term = GetTerm(id);
  if (!term) {
    *complete = false;
    return store_.Label(id);
  }
  if (term->is_literal()) return term->value;
  for (bool pref : {false, true}) {
    TermId pred = LabelPredicate(pref);
    if (pred == kNoTerm) continue;
    bool found = false;
    std::string label;
    TripleCursor& cursor = Cursor(&labels_, TriplePattern{id, pred, kNoTerm});
    for (; cursor.Valid(); cursor.Next()) {
      const Term* t = GetTerm(cursor.triple().o);
      if (!t) *complete = false;
      if (!t || !t->is_literal()) continue;
      bool preferred = t->lang.empty() || (pref && t->lang == "en");
      if (!found || preferred) label = t->value;
      found = true;
      if (preferred) break;
    }
    if (!cursor.status().ok()) *complete = false;
    if (found) return label;
  }
  return term->is_iri() ? std::string(vocab::LocalName(term->value)) : term->value;
}

TermId ExecContext::LabelPredicate(bool pref) {
  TermId& pred = pref ? skos_pref_label_ : rdfs_label_;
  bool& looked_up = pref ? pref_label_looked_up_ : label_looked_up_;
  if (!looked_up) {  // only when a label is wanted, and prefLabel only when rdfs:label fails
    looked_up = true;
    auto found =
        store_.FindTerm(Term::Iri(std::string(pref ? vocab::kSkosPrefLabel : vocab::kRdfsLabel)));
    // A predicate with no triples (a store of prefLabels only, or none)
    // would cost a seek per labelled term that finds nothing.
    if (found.ok()) {
      auto n = store_.Count(TriplePattern{kNoTerm, *found, kNoTerm});
      if (!n.ok() || *n > 0) pred = *found;
      (pref ? pref_label_triples_ : label_triples_) = n.ok() ? *n : UINT64_MAX;
    }
  }
  return pred;
}

bool ExecContext::LabelObjects(TermId pred, uint64_t pred_triples, const std::vector<TermId>& ids,
                               std::vector<std::pair<size_t, TermId>>* out) {
  // A seek costs two to three steps of an iterator: when the predicate has
  // few triples for the terms asked (a store labelling a few schema terms
  // only), one pass over all of them beats a seek per term.
  constexpr uint64_t kStepsPerSeek = 2;
  if (pred_triples <= kStepsPerSeek * ids.size()) {
    size_t first = out->size();
    TripleCursor& cursor = Cursor(&labels_, TriplePattern{kNoTerm, pred, kNoTerm});
    for (; cursor.Valid(); cursor.Next()) {
      const Triple t = cursor.triple();
      auto it = std::lower_bound(ids.begin(), ids.end(), t.s);
      if (it != ids.end() && *it == t.s) out->emplace_back(it - ids.begin(), t.o);
    }
    if (!cursor.status().ok()) return false;
    // Per term, objects in id order: the order of the term's own range.
    std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
    return true;
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!Tick()) return false;
    TripleCursor& cursor = Cursor(&labels_, TriplePattern{ids[i], pred, kNoTerm});
    for (; cursor.Valid(); cursor.Next()) out->emplace_back(i, cursor.triple().o);
    if (!cursor.status().ok()) return false;
  }
  return true;
}

void ExecContext::PrefetchLabels(std::vector<TermId> ids) {
  std::erase_if(ids, [&](TermId id) { return id == kNoTerm || labels_.count(id) > 0; });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (label_cache_) {
    std::string label;
    std::erase_if(ids, [&](TermId id) {
      if (!label_cache_->Get(view_, id, &label)) return false;
      labels_.emplace(id, std::move(label));
      return true;
    });
  }
  if (ids.size() < 2) return;
  // The label triples of each term: rdfs:label's objects, else
  // skos:prefLabel's. Only a term without them is read itself (a literal is
  // its own label; an IRI without a label shows its local name): a literal
  // is never a subject, so a term with label triples is not one. A term
  // whose candidates turn out not to be literals is left to Label(), which
  // knows every case.
  std::vector<std::pair<size_t, TermId>> labelled, preferred;
  TermId label = LabelPredicate(false);
  if (label != kNoTerm && !LabelObjects(label, label_triples_, ids, &labelled)) return;
  std::vector<TermId> rest;  // the terms rdfs:label left without a label
  std::vector<size_t> index;
  for (size_t i = 0, j = 0; i < ids.size(); ++i) {
    bool has = false;
    while (j < labelled.size() && labelled[j].first <= i) has |= labelled[j++].first == i;
    if (!has) {
      rest.push_back(ids[i]);
      index.push_back(i);
    }
  }
  // skos:prefLabel is looked up only when some term needs it.
  TermId pref_label = rest.empty() ? kNoTerm : LabelPredicate(true);
  if (pref_label != kNoTerm) {
    if (!LabelObjects(pref_label, pref_label_triples_, rest, &preferred)) return;
    for (auto& [i, o] : preferred) i = index[i];
  }
  if (!status_.ok()) return;
  struct Candidates {
    size_t begin = 0, end = 0;
    bool pref = false;
  };
  std::vector<Candidates> found(ids.size());
  std::vector<TermId> read;  // every term this needs
  read.reserve(labelled.size() + preferred.size() + ids.size());
  size_t a = 0, b = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    found[i].begin = read.size();
    for (; a < labelled.size() && labelled[a].first == i; ++a) read.push_back(labelled[a].second);
    if (read.size() == found[i].begin) {
      for (; b < preferred.size() && preferred[b].first == i; ++b) {
        read.push_back(preferred[b].second);
        found[i].pref = true;
      }
    }
    found[i].end = read.size();
    if (found[i].begin == found[i].end) read.push_back(ids[i]);
  }
  auto terms = store_.GetTerms(read);
  if (!terms.ok()) return;
  for (size_t i = 0; i < read.size(); ++i) terms_.try_emplace(read[i], std::move((*terms)[i]));
  for (size_t i = 0; i < ids.size(); ++i) {
    if (found[i].begin == found[i].end) {
      const Term& term = terms_.at(ids[i]);
      Keep(ids[i], term.is_iri() ? std::string(vocab::LocalName(term.value)) : term.value, true);
      continue;
    }
    // The same choice as Label(): an untagged label (or, among prefLabels,
    // an English one) wins, else the first.
    bool any = false;
    std::string label;
    for (size_t j = found[i].begin; j < found[i].end; ++j) {
      const Term& t = terms_.at(read[j]);
      if (!t.is_literal()) continue;
      bool preferred = t.lang.empty() || (found[i].pref && t.lang == "en");
      if (!any || preferred) label = t.value;
      any = true;
      if (preferred) break;
    }
    if (any) Keep(ids[i], std::move(label), true);
  }
}

const Term* ExecContext::GetTerm(TermId id) {
  auto it = terms_.find(id);
  if (it != terms_.end()) return &it->second;
  auto term = store_.GetTerm(id);
  if (!term.ok()) return nullptr;
  return &terms_.emplace(id, std::move(term).value()).first->second;
}

bool ExecContext::IsLiteral(TermId id) {
  const Term* t = GetTerm(id);
  return t && t->is_literal();
}

const std::string& ExecContext::DocumentDate(const std::string& doc_id) {
  auto it = doc_dates_.find(doc_id);
  if (it != doc_dates_.end()) return it->second;
  std::string date;
  auto doc = store_.GetDocument(doc_id);
  if (doc.ok() && doc->has_value()) date = (*doc)->date;
  return doc_dates_.emplace(doc_id, date).first->second;
}

bool ExecContext::SupportedSince(const Triple& t, const std::string& day) {
  auto docs = store_.SupportingDocuments(t);
  if (!docs.ok()) return false;
  for (const std::string& d : *docs) {
    const std::string& date = DocumentDate(d);
    if (!date.empty() && date.substr(0, 10) >= day) return true;
  }
  return false;
}

bool ExecContext::FirstEvidence(const Triple& t, const std::string& since, std::string* doc,
                                std::string* sentence) {
  auto ev = store_.GetEvidence(t);
  if (!ev.ok()) return false;
  for (const Evidence& e : *ev) {
    if (!since.empty() && DocumentDate(e.doc_id).substr(0, 10) < since) continue;
    *doc = e.doc_id;
    *sentence = e.sentence;
    return true;
  }
  auto docs = store_.SupportingDocuments(t);
  if (docs.ok() && !docs->empty()) {
    *doc = docs->front();
    sentence->clear();
    return true;
  }
  return false;
}

}  // namespace kg::query
