// What every executing query shares: the store, its limits, and caches of
// labels, terms and document dates. Internal to query/.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/label_cache.h"
#include "kg/store.h"
#include "query/result.h"

namespace kg::query {

class ExecContext {
 public:
  ExecContext(const Store& store, const QueryOptions& options);

  const Store& store() const { return store_; }
  const QueryOptions& options() const { return options_; }

  // False once the query must stop; status() then says why. Cheap: looks at
  // the clock every 1024 calls.
  bool Tick();
  void Stop(Status why) {
    if (status_.ok()) status_ = std::move(why);
  }
  const Status& status() const { return status_; }
  std::string timeout_hint;  // appended to the timeout message

  const std::string& Label(TermId id);
  // Works out the labels of `ids` together, so that Label() then answers
  // from memory: a result's terms are read in one ascending pass over the
  // dictionary instead of two or three point reads each.
  void PrefetchLabels(std::vector<TermId> ids);
  // A cursor on `pattern`'s range for the caller `owner` (a plan step, say),
  // reusing the one it had: a seek instead of a new iterator. The cursor
  // stays valid until the same owner asks again.
  TripleCursor& Cursor(const void* owner, const TriplePattern& pattern);
  // Open cursors no owner holds (the planner's), taken by Cursor() before
  // it opens a new one.
  void AddSpareCursors(std::vector<std::unique_ptr<TripleCursor>> cursors);
  // Every owner's cursor becomes a spare; no reference from Cursor() may be
  // in use (call it between running the pipeline and reading labels).
  void ReleaseCursors();
  const Term* GetTerm(TermId id);  // nullptr when unknown
  bool IsLiteral(TermId id);
  // The document's date, "" when unknown.
  const std::string& DocumentDate(const std::string& doc_id);
  // True when some document supporting `t` is dated on or after `day`.
  bool SupportedSince(const Triple& t, const std::string& day);
  // The first evidence of `t` (dated on/after `since` when given).
  bool FirstEvidence(const Triple& t, const std::string& since, std::string* doc,
                     std::string* sentence);

 private:
  const Store& store_;
  QueryOptions options_;
  std::chrono::steady_clock::time_point deadline_;
  bool has_deadline_ = false;
  uint32_t ticks_ = 0;
  // Looked up on first use: a query that shows no IRI never needs them.
  bool label_looked_up_ = false, pref_label_looked_up_ = false;
  TermId rdfs_label_ = kNoTerm, skos_pref_label_ = kNoTerm;
  uint64_t label_triples_ = 0, pref_label_triples_ = 0;  // the predicates' counts
  // The store's labels kept across queries (nullptr: none), and the view
  // this query reads them at.
  LabelCache* label_cache_ = nullptr;
  uint64_t view_ = 0;
  // The label by the rule of Label(); `complete` false when a read failed,
  // so the label must not outlive this query.
  std::string ReadLabel(TermId id, bool* complete);
  // Remembers a label for this query and, when complete, for later ones.
  const std::string& Keep(TermId id, std::string label, bool complete);
  TermId LabelPredicate(bool pref);
  // Appends (index into `ids`, label object) for the `ids` (sorted) with
  // triples of `pred`, ordered by index then object; false on a store error.
  bool LabelObjects(TermId pred, uint64_t pred_triples, const std::vector<TermId>& ids,
                    std::vector<std::pair<size_t, TermId>>* out);

  Status status_;
  std::unordered_map<TermId, std::string> labels_;
  std::unordered_map<TermId, Term> terms_;
  std::unordered_map<std::string, std::string> doc_dates_;
  std::unordered_map<const void*, std::unique_ptr<TripleCursor>> cursors_;
  std::vector<std::unique_ptr<TripleCursor>> spare_cursors_;
};

}  // namespace kg::query
