#include "kg/triple_changes.h"

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "kg/name_fold.h"
#include "kg/vocab.h"

namespace kg {

TripleChanges::TripleChanges(RocksStore* store, const rocksdb::Snapshot* snap,
                             rocksdb::WriteBatch* batch)
    : store_(store), ro_(store->ReadAt(snap)), batch_(batch) {}

Result<std::optional<TermId>> TripleChanges::Lookup(const Term& term) {
  std::string enc = rows::EncodeTerm(term);
  if (auto it = fresh_.find(enc); it != fresh_.end()) return std::optional<TermId>(it->second);
  return store_->LookupTerm(ro_, term);
}

Result<TermId> TripleChanges::Resolve(const Term& term) {
  std::string enc = rows::EncodeTerm(term);
  if (auto it = fresh_.find(enc); it != fresh_.end()) return it->second;
  if (auto it = known_.find(enc); it != known_.end()) return it->second;
  if (auto it = store_->term_cache()->find(enc); it != store_->term_cache()->end()) {
    return it->second;
  }
  KG_ASSIGN_OR_RETURN(std::optional<TermId> found, store_->LookupTerm(ro_, term));
  if (found) {
    known_.emplace(std::move(enc), *found);
    return *found;
  }
  TermId id = store_->next_term();
  store_->set_next_term(id + 1);
  batch_->Put(store_->cf(Cf::kTerm2Id), enc, keys::IdKey(id));
  batch_->Put(store_->cf(Cf::kId2Term), keys::IdKey(id), enc);
  fresh_.emplace(std::move(enc), id);
  Term copy = term;
  rows::DecodeTerm(rows::EncodeTerm(term), &copy);  // the normalised form reads back
  fresh_terms_.emplace(id, std::move(copy));
  return id;
}

void TripleChanges::RememberTerms() {
  // A long run over many distinct terms must not grow without bound.
  constexpr size_t kMaxCached = 1 << 20;
  auto* cache = store_->term_cache();
  if (cache->size() + fresh_.size() + known_.size() > kMaxCached) cache->clear();
  cache->insert(fresh_.begin(), fresh_.end());
  cache->insert(known_.begin(), known_.end());
}

Result<Term> TripleChanges::TermOf(TermId id) {
  if (auto it = fresh_terms_.find(id); it != fresh_terms_.end()) return it->second;
  return store_->ReadTerm(ro_, id);
}

Status TripleChanges::LoadSupport(const Triple& t, std::vector<uint32_t>** docs) {
  auto it = support_.find(t);
  if (it == support_.end()) {
    std::string v;
    auto s = store_->db()->Get(ro_, store_->cf(Cf::kSpo),
                               keys::TripleKey(keys::IndexOrder::kSpo, t), &v);
    std::vector<uint32_t> list;
    if (s.ok()) {
      if (!rows::DecodeSupport(v, &list)) {
        return Status::Corruption("store " + store_->dir() + ": bad support row");
      }
    } else if (!s.IsNotFound()) {
      return store_->Err(s, "read support");
    }
    initially_present_[t] = !list.empty();
    it = support_.emplace(t, std::move(list)).first;
  }
  *docs = &it->second;
  return Status::OK();
}

Status TripleChanges::AddSupport(const Triple& t, uint32_t doc) {
  std::vector<uint32_t>* docs;
  KG_RETURN_IF_ERROR(LoadSupport(t, &docs));
  auto pos = std::lower_bound(docs->begin(), docs->end(), doc);
  if (pos == docs->end() || *pos != doc) docs->insert(pos, doc);
  return Status::OK();
}

Status TripleChanges::RemoveSupport(const Triple& t, uint32_t doc) {
  std::vector<uint32_t>* docs;
  KG_RETURN_IF_ERROR(LoadSupport(t, &docs));
  auto pos = std::lower_bound(docs->begin(), docs->end(), doc);
  if (pos != docs->end() && *pos == doc) docs->erase(pos);
  return Status::OK();
}

namespace {

struct Delta {
  int64_t triples = 0, subjects = 0, objects = 0;
};

// The prefix reads of one Finish share an iterator per column family: an
// iterator made for each subject and label predicate cost more than what it
// read.
class PrefixReader {
 public:
  PrefixReader(const RocksStore* store, const rocksdb::ReadOptions& ro) : store_(store), ro_(ro) {}

  template <typename Fn>
  Status ForEach(Cf c, std::string_view prefix, Fn fn) {
    auto& it = its_[static_cast<size_t>(c)];
    if (!it) it.reset(store_->db()->NewIterator(ro_, store_->cf(c)));
    const rocksdb::Slice p(prefix.data(), prefix.size());
    for (it->Seek(p); it->Valid() && it->key().starts_with(p); it->Next()) {
      if (!fn(std::string_view(it->key().data(), it->key().size()))) break;
    }
    return store_->Err(it->status(), std::string("read ") + CfName(c));
  }

  Result<uint64_t> Count(Cf c, std::string_view prefix, uint64_t limit) {
    uint64_t n = 0;
    KG_RETURN_IF_ERROR(ForEach(c, prefix, [&](std::string_view) { return ++n < limit; }));
    return n;
  }

 private:
  const RocksStore* store_;
  const rocksdb::ReadOptions& ro_;
  std::array<std::unique_ptr<rocksdb::Iterator>, kCfCount> its_;
};

std::string IdPair(TermId a, TermId b) {
  std::string k;
  keys::AppendId(&k, a);
  keys::AppendId(&k, b);
  return k;
}

}  // namespace

Status TripleChanges::Finish() {
  std::vector<Triple> added, removed;
  for (auto& [t, docs] : support_) {
    std::string key = keys::TripleKey(keys::IndexOrder::kSpo, t);
    bool was = initially_present_[t];
    if (docs.empty()) {
      if (was) {
        batch_->Delete(store_->cf(Cf::kSpo), key);
        removed.push_back(t);
      }
    } else {
      // The spo row carries the support list (see FORMAT.md).
      batch_->Put(store_->cf(Cf::kSpo), key, rows::EncodeSupport(docs));
      if (!was) added.push_back(t);
    }
  }
  for (auto order : {keys::IndexOrder::kPos, keys::IndexOrder::kOsp}) {
    auto* h = store_->cf(IndexCf(order));
    for (const Triple& t : added) batch_->Put(h, keys::TripleKey(order, t), "");
    for (const Triple& t : removed) batch_->Delete(h, keys::TripleKey(order, t));
  }
  if (added.empty() && removed.empty()) return Status::OK();

  // Per-predicate counts and distinct subjects/objects: a (p,s) pair counts
  // when it has at least one triple; compare before and after this write.
  std::map<TermId, Delta> delta;
  std::map<std::string, std::pair<uint64_t, uint64_t>> sp, po;  // key -> (added, removed)
  for (const Triple& t : added) {
    delta[t.p].triples++;
    sp[IdPair(t.s, t.p)].first++;
    po[IdPair(t.p, t.o)].first++;
  }
  for (const Triple& t : removed) {
    delta[t.p].triples--;
    sp[IdPair(t.s, t.p)].second++;
    po[IdPair(t.p, t.o)].second++;
  }
  PrefixReader reader(store_, ro_);
  for (auto* group : {&sp, &po}) {
    Cf c = group == &sp ? Cf::kSpo : Cf::kPos;
    for (auto& [prefix, ar] : *group) {
      KG_ASSIGN_OR_RETURN(uint64_t before, reader.Count(c, prefix, ar.second + 1));
      bool had = before > 0, has = before + ar.first > ar.second;
      if (had == has) continue;
      TermId p = keys::ReadId(prefix.data() + (c == Cf::kSpo ? keys::kIdSize : 0));
      (c == Cf::kSpo ? delta[p].subjects : delta[p].objects) += has ? 1 : -1;
    }
  }
  int64_t total_delta = 0;
  for (auto& [p, d] : delta) {
    total_delta += d.triples;
    std::string key = keys::PredicateStatsKey(p), v;
    PredicateStats ps;
    ps.predicate = p;
    auto s = store_->db()->Get(ro_, store_->cf(Cf::kStats), key, &v);
    if (s.ok()) {
      if (!rows::DecodePredicateStats(v, &ps)) return Status::Corruption("bad stats row");
    } else if (!s.IsNotFound()) {
      return store_->Err(s, "read stats");
    }
    ps.triples += d.triples;
    ps.distinct_subjects += d.subjects;
    ps.distinct_objects += d.objects;
    if (ps.triples == 0) {
      batch_->Delete(store_->cf(Cf::kStats), key);
    } else {
      batch_->Put(store_->cf(Cf::kStats), key, rows::EncodePredicateStats(ps));
    }
  }
  std::string v;
  uint64_t total = 0;
  auto s = store_->db()->Get(ro_, store_->cf(Cf::kStats), keys::kTotalTriplesKey, &v);
  if (s.ok() && !rows::DecodeCount(v, &total)) return Status::Corruption("bad total row");
  if (!s.ok() && !s.IsNotFound()) return store_->Err(s, "read stats");
  batch_->Put(store_->cf(Cf::kStats), keys::kTotalTriplesKey,
              rows::EncodeCount(static_cast<uint64_t>(static_cast<int64_t>(total) + total_delta)));

  // Names: recompute the affected subjects' names before and after, and write
  // the difference. A subject's names are its labels' and its IRI's.
  std::vector<TermId> label_preds;
  for (auto iri : {vocab::kRdfsLabel, vocab::kSkosPrefLabel, vocab::kSkosAltLabel}) {
    KG_ASSIGN_OR_RETURN(auto id, Lookup(Term::Iri(std::string(iri))));
    if (id) label_preds.push_back(*id);
  }
  auto is_label = [&](TermId p) {
    return std::find(label_preds.begin(), label_preds.end(), p) != label_preds.end();
  };
  std::map<TermId, std::pair<std::vector<Triple>, std::vector<Triple>>> by_subject;
  for (const Triple& t : added) by_subject[t.s].first.push_back(t);
  for (const Triple& t : removed) by_subject[t.s].second.push_back(t);
  for (auto& [subject, ar] : by_subject) {
    auto& [adds, rems] = ar;
    std::vector<Triple> labels;
    for (TermId lp : label_preds) {
      KG_RETURN_IF_ERROR(reader.ForEach(Cf::kSpo, IdPair(subject, lp), [&](std::string_view k) {
        labels.push_back(keys::DecodeTripleKey(keys::IndexOrder::kSpo, k));
        return true;
      }));
    }
    KG_ASSIGN_OR_RETURN(uint64_t count,
                        reader.Count(Cf::kSpo, keys::IdKey(subject), rems.size() + 1));
    bool present_before = count > 0, present_after = count + adds.size() > rems.size();
    KG_ASSIGN_OR_RETURN(auto before, NamesOf(subject, labels, present_before));
    std::vector<Triple> after_labels;
    for (const Triple& t : labels) {
      if (std::find(rems.begin(), rems.end(), t) == rems.end()) after_labels.push_back(t);
    }
    for (const Triple& t : adds) {
      if (is_label(t.p)) after_labels.push_back(t);
    }
    KG_ASSIGN_OR_RETURN(auto after, NamesOf(subject, after_labels, present_after));
    for (const auto& n : before) {
      if (!std::binary_search(after.begin(), after.end(), n)) {
        batch_->Delete(store_->cf(Cf::kNames), keys::NameKey(n, subject));
      }
    }
    for (const auto& n : after) {
      if (!std::binary_search(before.begin(), before.end(), n)) {
        batch_->Put(store_->cf(Cf::kNames), keys::NameKey(n, subject), "");
      }
    }
  }
  return Status::OK();
}

Result<std::vector<std::string>> TripleChanges::NamesOf(TermId s, const std::vector<Triple>& labels,
                                                        bool present) {
  std::set<std::string> names;
  for (const Triple& t : labels) {
    KG_ASSIGN_OR_RETURN(Term o, TermOf(t.o));
    if (!o.is_literal()) continue;
    std::string f = FoldName(o.value);
    if (!f.empty()) names.insert(std::move(f));
  }
  if (present) {
    KG_ASSIGN_OR_RETURN(Term st, TermOf(s));
    if (st.is_iri()) {
      std::string f = FoldedLocalName(st.value);
      if (!f.empty()) names.insert(std::move(f));
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace kg
