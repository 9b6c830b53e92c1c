// Store: a knowledge graph on disk, in RocksDB.
//
// Triples are dictionary-encoded to 64-bit term ids and kept in key-only
// index column families (SPO, POS, OSP), so every triple pattern is one range
// scan. Each triple records which documents support it; a triple stays until
// its last supporting document is forgotten. Evidence rows say which sentence
// of which document stated it. Key layouts: kg/FORMAT.md.
//
// Thread-safety: a Store may be read from several threads at once; writes
// (PutDocument, RemoveDocument, bulk loads) must come from one thread.
// Process model: one writer process per store directory (a second gets
// Status::Busy "store DIR is in use by another kg process"); any number of
// read-only openers, which see the store as of Open() (or Refresh()).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/document.h"
#include "kg/status.h"
#include "kg/term.h"

namespace kg {

class LabelCache;       // kg/label_cache.h
class RangeStatsCache;  // kg/label_cache.h

struct OpenOptions {
  bool read_only = false;         // open as a reader: never blocks on, nor blocks, a writer
  bool create_if_missing = true;  // ignored when read_only
  // A reader keeps index ranges it has read whole, decoded, up to this many
  // bytes (kg/range_cache.h); 0 keeps none. Writers keep none.
  size_t range_cache_bytes = size_t{256} << 20;
};

// Streams the triples matching a pattern, in the key order of the index used.
class TripleCursor {
 public:
  virtual ~TripleCursor() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual Triple triple() const = 0;
  // Non-OK when iteration stopped on an error rather than at the end.
  virtual Status status() const = 0;
  // Restarts on `pattern`'s range, reusing the open iterator: many short
  // scans (a join's inner side) cost a seek each instead of a new iterator.
  // False, with the cursor unchanged, when `pattern` needs another index or
  // binds no position; the caller then opens a new Scan.
  virtual bool Restart(const TriplePattern& pattern) {
    (void)pattern;
    return false;
  }
  // Skips forward to the first triple of the current range not before `t`
  // in the index's key order (a merge join's catch-up seek). False when the
  // cursor cannot seek; the caller then steps with Next().
  virtual bool SkipTo(const Triple& t) {
    (void)t;
    return false;
  }
};

struct PredicateStats {
  TermId predicate = kNoTerm;
  uint64_t triples = 0;
  uint64_t distinct_subjects = 0;  // estimates, good enough for planning
  uint64_t distinct_objects = 0;
};

struct StoreStats {
  uint64_t triples = 0;
  uint64_t terms = 0;
  uint64_t entities = 0;  // distinct subjects with an rdf:type or label
  uint64_t documents = 0;
  uint64_t disk_bytes = 0;
  std::vector<PredicateStats> predicates;
  std::vector<std::pair<TermId, uint64_t>> types;  // rdf:type object -> subjects
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged };

// A document with its statements, as Store::PutDocuments takes them.
struct DocumentWrite {
  DocumentInfo info;
  std::vector<Statement> statements;
};

// One stored triple with what supports it, as Store::ForEachSupport streams
// them.
struct TripleSupport {
  Triple triple;
  // Supporting documents, as ascending positions in the document list that
  // ForEachSupport hands out (ordered by id).
  std::vector<uint32_t> documents;
  uint64_t sentences = 0;          // evidence rows of the triple, over all documents
  std::vector<Evidence> evidence;  // the first max_evidence of them, doc_id filled in
};

// Loads a large number of triples into one document through sorted SST files.
// Memory stays bounded: triples are buffered in fixed-size runs.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // `graph` is the N-Quads graph name, or empty for the default graph.
  virtual Status Add(const Term& s, const Term& p, const Term& o, const Term* graph) = 0;
  // Makes everything added visible atomically. REQUIRES: called once.
  virtual Status Finish() = 0;
  virtual uint64_t added() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (or creates) the store in `dir`. Errors: Busy when another process
  // writes it; StoreError when `dir` is not a kg store or has another format
  // version.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir,
                                             const OpenOptions& options = {});

  // Stores one document and its statements in a single atomic write, replacing
  // any earlier version of the document with the same id. Returns kUnchanged
  // (and writes nothing) when the stored content_hash equals doc.content_hash.
  virtual Result<PutOutcome> PutDocument(const DocumentInfo& doc,
                                         const std::vector<Statement>& statements) = 0;

  // Stores several documents in one atomic write, each exactly as PutDocument
  // would; a failure stores none of them. Ingest writes documents in groups
  // so the rows many documents share (an entity's label, a support list) are
  // read and rewritten once per group rather than once per document.
  // outcomes[i] belongs to docs[i]. A store without a group write stores
  // them one at a time.
  virtual Result<std::vector<PutOutcome>> PutDocuments(const std::vector<DocumentWrite>& docs) {
    std::vector<PutOutcome> outcomes;
    for (const auto& d : docs) {
      KG_ASSIGN_OR_RETURN(PutOutcome o, PutDocument(d.info, d.statements));
      outcomes.push_back(o);
    }
    return outcomes;
  }

  // Removes a document's contribution atomically. NotFound when absent.
  virtual Status RemoveDocument(std::string_view doc_id) = 0;

  // Bulk RDF load into document `doc`. REQUIRES: no other write in progress.
  virtual Result<std::unique_ptr<BulkLoader>> NewBulkLoader(const DocumentInfo& doc) = 0;

  // ---- reads -------------------------------------------------------------
  virtual Result<TermId> FindTerm(const Term& term) const = 0;  // NotFound if never stored
  virtual Result<Term> GetTerm(TermId id) const = 0;

  virtual std::unique_ptr<TripleCursor> Scan(const TriplePattern& pattern) const = 0;
  virtual Result<uint64_t> Count(const TriplePattern& pattern) const = 0;
  virtual bool Contains(const Triple& t) const = 0;

  // Entities named `name`, compared case-insensitively after folding curly
  // quotes, dashes and whitespace, through labels, aliases and IRI local names.
  virtual Result<std::vector<TermId>> FindByName(std::string_view name) const = 0;
  // (folded name, term) pairs whose folded name starts with `prefix`; for
  // completion and "did you mean" suggestions.
  virtual Result<std::vector<std::pair<std::string, TermId>>> NamesWithPrefix(
      std::string_view prefix, size_t limit) const = 0;
  // Every folded name in the index, in order, until `fn` returns false.
  virtual Status ForEachName(const std::function<bool(std::string_view, TermId)>& fn) const = 0;

  // A human label for a term: rdfs:label/skos:prefLabel if any, else the IRI's
  // local name, else the literal's lexical form.
  virtual std::string Label(TermId id) const = 0;

  virtual Result<std::vector<Evidence>> GetEvidence(const Triple& t) const = 0;
  // Documents supporting a triple (their ids).
  virtual Result<std::vector<std::string>> SupportingDocuments(const Triple& t) const = 0;

  virtual Result<std::optional<DocumentInfo>> GetDocument(std::string_view doc_id) const = 0;
  virtual Result<std::vector<DocumentInfo>> ListDocuments() const = 0;
  // Triples a document supports.
  virtual Status ForEachDocumentTriple(std::string_view doc_id,
                                       const std::function<bool(const Triple&)>& fn) const = 0;
  // Every stored triple in SPO order with its support, in one pass over the
  // spo index merged with the evidence rows (kept in the same key order), at
  // one snapshot: whole-store readers use it instead of SupportingDocuments
  // and GetEvidence per triple, two point reads each. `documents` gets every
  // document, ordered by id, before the first call of `fn`. At most
  // `max_evidence` evidence rows per triple are decoded; all are counted.
  // Stops early when `fn` returns false.
  virtual Status ForEachSupport(size_t max_evidence, std::vector<DocumentInfo>* documents,
                                const std::function<bool(const TripleSupport&)>& fn) const = 0;
  // The terms of `ids`, in the same order, read in one ascending pass over
  // the dictionary: far cheaper than GetTerm per id when ids are many.
  // NotFound when an id has no term.
  virtual Result<std::vector<Term>> GetTerms(const std::vector<TermId>& ids) const = 0;

  virtual Result<PredicateStats> GetPredicateStats(TermId predicate) const = 0;
  // Every predicate's stats row, in id order: one short range read, where
  // GetStats also scans the type and label indexes (seconds on 10 M triples).
  virtual Result<std::vector<PredicateStats>> ListPredicateStats() const = 0;
  // Subjects per rdf:type object, in type id order (StoreStats::types): one
  // pass over the type triples, without GetStats's count of entities.
  virtual Result<std::vector<std::pair<TermId, uint64_t>>> ListTypeCounts() const = 0;
  virtual Result<StoreStats> GetStats() const = 0;

  // Read-only stores: catch up with the writer's latest committed state.
  virtual Status Refresh() = 0;

  // Moves forward whenever what this object reads may have changed: a write
  // through it, or a Refresh() that brought a writer's changes. What a
  // reader keeps across calls is tagged with it.
  virtual uint64_t ViewVersion() const { return 0; }
  // Labels readers worked out, kept across queries for this store
  // (kg/label_cache.h); nullptr when the store keeps none.
  virtual LabelCache* label_cache() const { return nullptr; }
  // Range sizes and predicate statistics planners read, kept the same way.
  virtual RangeStatsCache* range_stats_cache() const { return nullptr; }

  // Checks every index against the others, counts against contents, evidence
  // against triples; appends one line per problem. OK when nothing is wrong.
  virtual Status Check(std::vector<std::string>* problems) const = 0;

  virtual const std::string& dir() const = 0;
};

}  // namespace kg
