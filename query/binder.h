// Binder: resolves a parsed query against a store. Entity names go through
// the store's case-insensitive label/alias index; predicates and types by
// schema name, IRI or local name; variables get row slots. Unknown names are
// errors that suggest the closest labels.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/store.h"
#include "query/ast.h"
#include "query/bound.h"

namespace kg::query {

class Binder {
 public:
  // REQUIRES: `store` outlives the binder.
  explicit Binder(const Store* store);

  // On error, error_offset() is where in the text the fault lies.
  Result<BoundQuery> Bind(const ast::Query& query);
  uint32_t error_offset() const { return error_offset_; }

  // Names for completion: predicates and types present in the store, plus
  // the schema's.
  std::vector<std::string> PredicateNames();
  std::vector<std::string> TypeNames();

 private:
  Status LoadPredicates();
  Status LoadTypes();
  Result<std::vector<TermId>> DistinctTypes();
  Status Fail(const ast::Located& at, std::string message);
  // Store::FindTerm, remembering what it found across queries.
  Result<TermId> FindTerm(const Term& term);
  Result<std::vector<TermId>> ResolveEntity(const ast::Term& term);
  Result<std::vector<TermId>> ResolveType(const ast::Term& term);
  Result<std::vector<TermId>> ResolvePredicate(const ast::Term& term);
  Result<std::vector<TermId>> LookupPredicate(const ast::Term& term);
  Result<Slot> BindTerm(const ast::Term& term, bool is_type_object, BoundQuery& q);
  Result<BoundPattern> BindPattern(const ast::TriplePattern& t, BoundQuery& q);
  // Binds `expr` into `f`, adding every variable it reads to `vars`.
  Status BindCondition(const ast::FilterExpr& expr, BoundQuery& q, BoundFilter& f,
                       std::vector<int>* vars);
  Status BindGroup(const std::vector<ast::Element>& elements, BoundQuery& q, BoundGroup& g);
  Result<Operand> BindOperand(const ast::Term& term, BoundQuery& q, bool resolve_names);
  Status BindFind(const ast::Query& query, BoundQuery& q);
  std::string Suggest(const std::string& name, const std::vector<std::string>& candidates);
  std::string SuggestEntity(const std::string& name);
  int Var(BoundQuery& q, const std::string& name);

  const Store* store_;
  bool predicates_loaded_ = false, types_loaded_ = false;
  // Local name (lower-cased) -> predicate / type ids present in the store.
  std::multimap<std::string, TermId> predicates_, types_;
  std::vector<std::string> predicate_names_, type_names_;
  uint32_t error_offset_ = 0;
  std::map<std::string, std::vector<TermId>> resolved_predicates_;  // within one Bind
  std::unordered_map<std::string, TermId> found_terms_;             // kind, value, datatype, lang
};

}  // namespace kg::query
