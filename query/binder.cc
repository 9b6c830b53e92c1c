#include "query/binder.h"

#include <algorithm>
#include <set>

#include "kg/vocab.h"

namespace kg::query {
namespace {

const char* const kSchemaPredicates[] = {
    "funds",    "supports",  "restricts",         "regulates",    "develops", "aims_for",
    "mentions", "issued_by", "based_in",          "part_of",      "owns",     "directs",
    "revokes",  "amends",    "collaborates_with", "competes_with"};
const char* const kSchemaTypes[] = {"Country",   "Bloc",   "Agency",     "Company",
                                    "Institute", "Person", "Technology", "Sector",
                                    "Policy",    "Goal",   "Product",    "Place"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSchemaPredicate(std::string_view name) {
  for (const char* p : kSchemaPredicates)
    if (name == p) return true;
  return false;
}

std::string CanonicalSchemaType(std::string_view name) {
  for (const char* t : kSchemaTypes)
    if (Lower(name) == Lower(t)) return t;
  return "";
}

}  // namespace

Binder::Binder(const Store* store) : store_(store) {}

Status Binder::Fail(const ast::Located& at, std::string message) {
  error_offset_ = at.offset;
  return Status::InvalidInput(std::move(message));
}

// Predicate and type catalogs load apart: resolving `prefLabel` needs only
// the predicates (one read of the stats rows), not every type's label.
// Neither uses GetStats, whose statistics pass takes seconds on a large store.
Status Binder::LoadPredicates() {
  if (predicates_loaded_) return Status::OK();
  KG_ASSIGN_OR_RETURN(std::vector<PredicateStats> predicates, store_->ListPredicateStats());
  std::set<std::string> pnames(std::begin(kSchemaPredicates), std::end(kSchemaPredicates));
  pnames.insert("type");
  for (const PredicateStats& ps : predicates) {
    auto term = store_->GetTerm(ps.predicate);
    if (!term.ok() || !term->is_iri()) continue;
    std::string local(vocab::LocalName(term->value));
    predicates_.emplace(Lower(local), ps.predicate);
    if (term->value != vocab::kRdfType) pnames.insert(local);
  }
  predicate_names_.assign(pnames.begin(), pnames.end());
  predicates_loaded_ = true;
  return Status::OK();
}

Status Binder::LoadTypes() {
  if (types_loaded_) return Status::OK();
  KG_ASSIGN_OR_RETURN(std::vector<TermId> types, DistinctTypes());
  std::set<std::string> tnames(std::begin(kSchemaTypes), std::end(kSchemaTypes));
  for (TermId type : types) {
    auto term = store_->GetTerm(type);
    if (!term.ok()) continue;
    std::string local(vocab::LocalName(term->value));
    types_.emplace(Lower(local), type);
    std::string label = store_->Label(type);
    if (Lower(label) != Lower(local)) types_.emplace(Lower(label), type);
    tnames.insert(local);
  }
  type_names_.assign(tnames.begin(), tnames.end());
  types_loaded_ = true;
  return Status::OK();
}

Result<std::vector<TermId>> Binder::DistinctTypes() {
  std::vector<TermId> types;
  auto type = FindTerm(Term::Iri(std::string(vocab::kRdfType)));
  if (!type.ok()) {
    if (type.status().IsNotFound()) return types;
    return type.status();
  }
  // The type index is ordered on the type: after each one, skip to the next.
  auto cursor = store_->Scan(TriplePattern{kNoTerm, *type, kNoTerm});
  while (cursor->Valid()) {
    TermId t = cursor->triple().o;
    types.push_back(t);
    if (!cursor->SkipTo(Triple{kNoTerm, *type, t + 1})) {
      while (cursor->Valid() && cursor->triple().o == t) cursor->Next();
    }
  }
  KG_RETURN_IF_ERROR(cursor->status());
  return types;
}

std::vector<std::string> Binder::PredicateNames() {
  (void)LoadPredicates();
  return predicate_names_;
}

std::vector<std::string> Binder::TypeNames() {
  (void)LoadTypes();
  return type_names_;
}

Result<TermId> Binder::FindTerm(const Term& term) {
  // A stored term keeps its id for good (terms are never deleted), so a
  // found id holds for every later query; a missing one is asked again.
  constexpr size_t kMaxFoundTerms = 4096;
  std::string key(1, static_cast<char>(term.kind));
  for (const std::string* part : {&term.value, &term.datatype, &term.lang}) {
    key += *part;
    key.push_back('\0');
  }
  auto it = found_terms_.find(key);
  if (it != found_terms_.end()) return it->second;
  KG_ASSIGN_OR_RETURN(TermId id, store_->FindTerm(term));
  if (found_terms_.size() >= kMaxFoundTerms) found_terms_.clear();
  found_terms_.emplace(std::move(key), id);
  return id;
}

Result<std::vector<TermId>> Binder::ResolveEntity(const ast::Term& term) {
  using K = ast::Term::Kind;
  if (term.kind == K::kIri) {
    auto id = FindTerm(Term::Iri(term.text));
    if (id.ok()) return std::vector<TermId>{*id};
    if (!id.status().IsNotFound()) return id.status();
    return Fail(term, "unknown IRI <" + term.text + ">");
  }
  if (term.kind == K::kInteger || term.kind == K::kDecimal || term.kind == K::kDate) {
    std::string_view dt = term.kind == K::kInteger   ? vocab::kXsdInteger
                          : term.kind == K::kDecimal ? vocab::kXsdDecimal
                                                     : vocab::kXsdDate;
    std::vector<TermId> ids;
    for (const Term& t : {Term::Literal(term.text, std::string(dt)), Term::Literal(term.text)}) {
      auto id = FindTerm(t);
      if (id.ok()) ids.push_back(*id);
    }
    if (!ids.empty() || term.kind != K::kInteger) return ids;
  }
  KG_ASSIGN_OR_RETURN(std::vector<TermId> ids, store_->FindByName(term.text));
  if (!ids.empty()) return ids;
  auto literal = FindTerm(Term::Literal(term.text));
  if (literal.ok()) return std::vector<TermId>{*literal};
  return Fail(term, "unknown name \"" + term.text + "\"" + SuggestEntity(term.text));
}

Result<std::vector<TermId>> Binder::ResolveType(const ast::Term& term) {
  if (term.kind == ast::Term::Kind::kIri) return ResolveEntity(term);
  std::vector<TermId> ids;
  auto id = FindTerm(Term::Iri(vocab::TypeIri(term.text)));
  if (id.ok()) ids.push_back(*id);
  std::string canonical = CanonicalSchemaType(term.text);
  if (!canonical.empty() && canonical != term.text) {
    auto cid = FindTerm(Term::Iri(vocab::TypeIri(canonical)));
    if (cid.ok()) ids.push_back(*cid);
  }
  // kg's own type IRI settles it; the type catalog is for RDF data.
  if (!ids.empty()) return ids;
  KG_RETURN_IF_ERROR(LoadTypes());
  auto [lo, hi] = types_.equal_range(Lower(term.text));
  for (auto it = lo; it != hi; ++it) ids.push_back(it->second);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (!ids.empty() || !canonical.empty()) return ids;  // a schema type with no members: no rows
  auto named = store_->FindByName(term.text);
  if (named.ok() && !named->empty()) return *named;
  return Fail(term, "unknown type \"" + term.text + "\"" + Suggest(term.text, type_names_));
}

Result<std::vector<TermId>> Binder::ResolvePredicate(const ast::Term& term) {
  // Patterns repeat their predicates ((funds|owns) on every hop of a chain).
  std::string key = (term.kind == ast::Term::Kind::kIri ? "<" : "") + term.text;
  auto cached = resolved_predicates_.find(key);
  if (cached != resolved_predicates_.end()) return cached->second;
  KG_ASSIGN_OR_RETURN(std::vector<TermId> ids, LookupPredicate(term));
  resolved_predicates_.emplace(std::move(key), ids);
  return ids;
}

Result<std::vector<TermId>> Binder::LookupPredicate(const ast::Term& term) {
  if (term.kind == ast::Term::Kind::kIri) return ResolveEntity(term);
  std::string name = term.text;
  std::string iri;
  if (name == "type" || name == "a")
    iri = vocab::kRdfType;
  else if (name == "label")
    iri = vocab::kRdfsLabel;
  else
    iri = vocab::PredicateIri(name);
  std::vector<TermId> ids;
  auto id = FindTerm(Term::Iri(iri));
  if (id.ok()) return std::vector<TermId>{*id};
  KG_RETURN_IF_ERROR(LoadPredicates());
  auto [lo, hi] = predicates_.equal_range(Lower(name));
  for (auto it = lo; it != hi; ++it) ids.push_back(it->second);
  if (!ids.empty() || IsSchemaPredicate(name) || name == "type" || name == "label") return ids;
  return Fail(term, "unknown predicate \"" + name + "\"" + Suggest(name, predicate_names_));
}

int Binder::Var(BoundQuery& q, const std::string& name) {
  for (size_t i = 0; i < q.var_names.size(); ++i)
    if (q.var_names[i] == name) return static_cast<int>(i);
  q.var_names.push_back(name);
  return static_cast<int>(q.var_names.size() - 1);
}

Result<Slot> Binder::BindTerm(const ast::Term& term, bool is_type_object, BoundQuery& q) {
  Slot slot;
  if (term.kind == ast::Term::Kind::kVariable) {
    slot.var = Var(q, term.text);
    return slot;
  }
  if (is_type_object) {
    KG_ASSIGN_OR_RETURN(slot.ids, ResolveType(term));
  } else {
    KG_ASSIGN_OR_RETURN(slot.ids, ResolveEntity(term));
  }
  return slot;
}

Result<BoundPattern> Binder::BindPattern(const ast::TriplePattern& t, BoundQuery& q) {
  BoundPattern p;
  p.text = t.ToString();
  p.modifier = t.p.modifier;
  bool all_type = true;
  for (const ast::Term& alt : t.p.alternatives) {
    KG_ASSIGN_OR_RETURN(std::vector<TermId> ids, ResolvePredicate(alt));
    p.predicates.insert(p.predicates.end(), ids.begin(), ids.end());
    if (alt.text != "type" && alt.text != "a") all_type = false;
  }
  KG_ASSIGN_OR_RETURN(p.s, BindTerm(t.s, false, q));
  KG_ASSIGN_OR_RETURN(p.o, BindTerm(t.o, all_type, q));
  p.index = q.pattern_count++;
  return p;
}

Result<Operand> Binder::BindOperand(const ast::Term& term, BoundQuery& q, bool resolve_names) {
  Operand op;
  if (term.kind == ast::Term::Kind::kVariable) {
    op.var = Var(q, term.text);
    return op;
  }
  op.text = term.text;
  if (term.kind == ast::Term::Kind::kInteger || term.kind == ast::Term::Kind::kDecimal) {
    op.numeric = true;
    op.number = std::stod(term.text);
  }
  if (resolve_names &&
      (term.kind == ast::Term::Kind::kWord || term.kind == ast::Term::Kind::kString ||
       term.kind == ast::Term::Kind::kIri)) {
    if (term.kind == ast::Term::Kind::kIri) {
      auto id = FindTerm(Term::Iri(term.text));
      if (id.ok()) op.ids.push_back(*id);
    } else {
      auto ids = store_->FindByName(term.text);
      if (ids.ok()) op.ids = *ids;
    }
  }
  return op;
}

Status Binder::BindCondition(const ast::FilterExpr& expr, BoundQuery& q, BoundFilter& f,
                             std::vector<int>* vars) {
  for (const auto& conj : expr.any_of) {
    std::vector<BoundFactor> factors;
    for (const ast::FilterFactor& x : conj) {
      BoundFactor bf;
      if (!x.nested.empty()) {
        bf.nested.emplace_back();
        KG_RETURN_IF_ERROR(BindCondition(x.nested[0], q, bf.nested[0], vars));
        factors.push_back(std::move(bf));
        continue;
      }
      const ast::Comparison& c = x.comparison;
      BoundComparison& b = bf.comparison;
      b.op = c.op;
      KG_ASSIGN_OR_RETURN(b.lhs, BindOperand(c.lhs, q, false));
      bool names = c.op == "=" || c.op == "!=" || c.op == "in";
      for (const ast::Term& r : c.rhs) {
        KG_ASSIGN_OR_RETURN(Operand o, BindOperand(r, q, names));
        b.rhs.push_back(std::move(o));
      }
      if (b.lhs.var >= 0) vars->push_back(b.lhs.var);
      for (const Operand& o : b.rhs)
        if (o.var >= 0) vars->push_back(o.var);
      factors.push_back(std::move(bf));
    }
    f.any_of.push_back(std::move(factors));
  }
  return Status::OK();
}

Status Binder::BindGroup(const std::vector<ast::Element>& elements, BoundQuery& q, BoundGroup& g) {
  for (const ast::Element& e : elements) {
    switch (e.kind) {
      case ast::Element::Kind::kTriple: {
        KG_ASSIGN_OR_RETURN(BoundPattern p, BindPattern(e.triple, q));
        for (const Slot* s : {&p.s, &p.o})
          if (s->is_var()) g.vars.push_back(s->var);
        g.patterns.push_back(std::move(p));
        break;
      }
      case ast::Element::Kind::kNot:
      case ast::Element::Kind::kOptional: {
        BoundGroup sub;
        KG_RETURN_IF_ERROR(BindGroup(e.group, q, sub));
        if (sub.patterns.empty()) return Fail(e, "a not { } or optional { } group needs a pattern");
        (e.kind == ast::Element::Kind::kNot ? g.nots : g.optionals).push_back(std::move(sub));
        break;
      }
      case ast::Element::Kind::kFilter: {
        BoundFilter f;
        f.text = e.filter.ToString();
        KG_RETURN_IF_ERROR(BindCondition(e.filter, q, f, &f.vars));
        g.filters.push_back(std::move(f));
        break;
      }
      case ast::Element::Kind::kSince:
        if (g.since) return Fail(e, "since appears twice");
        g.since = e.date.text;
        break;
    }
  }
  return Status::OK();
}

Status Binder::BindFind(const ast::Query& query, BoundQuery& q) {
  std::vector<int> body_vars;
  for (size_t i = 0; i < q.var_names.size(); ++i) body_vars.push_back(static_cast<int>(i));
  auto known = [&](const ast::Term& t) -> Result<int> {
    for (size_t i = 0; i < q.var_names.size(); ++i)
      if (q.var_names[i] == t.text) return static_cast<int>(i);
    return Fail(t, "variable ?" + t.text + " does not appear in the where clause");
  };
  for (const ast::Projection& p : query.projections) {
    BoundProjection bp;
    bp.aggregate = p.aggregate;
    bp.distinct = p.distinct;
    bp.column = p.ColumnName();
    ast::Projection bare = p;
    bare.alias.clear();
    bp.expr = bare.ToString();
    if (p.var.kind == ast::Term::Kind::kStar) {
      if (p.aggregate != "count") return Fail(p, p.aggregate + "(*) is not defined; use count(*)");
    } else {
      KG_ASSIGN_OR_RETURN(bp.var, known(p.var));
    }
    if (!p.aggregate.empty()) q.aggregated = true;
    q.projections.push_back(std::move(bp));
  }
  for (const ast::Term& t : query.group_by) {
    KG_ASSIGN_OR_RETURN(int v, known(t));
    q.group_by.push_back(v);
  }
  if (!q.group_by.empty()) q.aggregated = true;
  if (q.aggregated) {
    for (const BoundProjection& p : q.projections) {
      if (!p.aggregate.empty()) continue;
      if (std::find(q.group_by.begin(), q.group_by.end(), p.var) == q.group_by.end())
        q.group_by.push_back(p.var);  // plain variables beside aggregates group the rows
    }
  }
  for (const ast::OrderKey& k : query.order_by) {
    BoundOrderKey bk;
    bk.descending = k.descending;
    ast::Projection bare = k.key;
    bare.alias.clear();
    std::string expr = bare.ToString();
    for (size_t i = 0; i < q.projections.size(); ++i) {
      const BoundProjection& p = q.projections[i];
      if ((k.key.var.kind == ast::Term::Kind::kWord && p.column == k.key.var.text) ||
          p.expr == expr) {
        bk.projection = static_cast<int>(i);
        break;
      }
    }
    if (bk.projection < 0) {
      if (k.key.var.kind == ast::Term::Kind::kWord)
        return Fail(k, "order by " + k.key.var.text + ": no column has that name");
      if (!k.key.aggregate.empty() || q.aggregated)
        return Fail(k, "order by " + expr + ": order by a column of the result");
      KG_ASSIGN_OR_RETURN(bk.var, known(k.key.var));
    }
    q.order_by.push_back(bk);
  }
  return Status::OK();
}

Result<BoundQuery> Binder::Bind(const ast::Query& query) {
  using K = ast::Query::Kind;
  resolved_predicates_.clear();  // the store may have moved since the last query
  BoundQuery q;
  q.kind = query.kind;
  q.distinct = query.distinct;
  q.limit = query.limit;
  q.skip = query.skip;
  switch (query.kind) {
    case K::kFind:
    case K::kPattern:
    case K::kCount:
      KG_RETURN_IF_ERROR(BindGroup(query.body, q, q.body));
      if (q.body.patterns.empty()) return Fail(query, "a query needs at least one pattern");
      if (query.kind == K::kFind) {
        KG_RETURN_IF_ERROR(BindFind(query, q));
      } else if (query.kind == K::kPattern) {
        // A bare pattern shows every variable its patterns bind, in order.
        ast::Query find = query;
        std::vector<int> shown;
        auto add_group = [&](const BoundGroup& g, auto&& self) -> void {
          for (int v : g.vars)
            if (std::find(shown.begin(), shown.end(), v) == shown.end()) shown.push_back(v);
          for (const BoundGroup& o : g.optionals) self(o, self);
        };
        add_group(q.body, add_group);
        for (int v : shown) {
          BoundProjection p;
          p.var = v;
          p.column = q.var_names[v];
          p.expr = "?" + p.column;
          q.projections.push_back(p);
        }
        if (q.projections.empty()) q.kind = K::kCount;  // nothing to show: how many match
        for (const ast::OrderKey& k : query.order_by) {
          BoundOrderKey bk;
          bk.descending = k.descending;
          for (size_t i = 0; i < q.projections.size(); ++i)
            if (q.projections[i].column == k.key.var.text) bk.projection = static_cast<int>(i);
          if (bk.projection < 0) return Fail(k, "order by: no column named " + k.key.var.text);
          q.order_by.push_back(bk);
        }
        if (!query.group_by.empty())
          return Fail(query.group_by[0], "group by needs find ... where");
      }
      return q;
    case K::kPath:
    case K::kNeighbors:
    case K::kDescribe: {
      KG_ASSIGN_OR_RETURN(q.from, ResolveEntity(query.from));
      if (query.kind == K::kPath) {
        KG_ASSIGN_OR_RETURN(q.to, ResolveEntity(query.to));
      }
      int64_t def = query.kind == K::kPath ? 6 : 1;
      q.depth = query.depth.value_or(def);
      if (q.depth < 1 || q.depth > 12) {
        return Fail(query, "depth must be between 1 and 12, not " + std::to_string(q.depth));
      }
      return q;
    }
    case K::kWhy: {
      if (query.why.p.modifier) return Fail(query.why.p, "why takes a plain predicate, not a path");
      KG_ASSIGN_OR_RETURN(q.why, BindPattern(query.why, q));
      return q;
    }
  }
  return q;
}

}  // namespace kg::query
