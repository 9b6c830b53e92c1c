// path, neighbors, describe and why: questions about the graph around
// entities rather than pattern matches.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "kg/vocab.h"
#include "query/exec_context.h"
#include "query/executor.h"

namespace kg::query {
namespace {

constexpr size_t kMaxPaths = 20;
constexpr size_t kMaxFrontier = 200000;

Value Text(std::string s) { return Value{Value::Kind::kText, std::move(s)}; }
Value Number(uint64_t n) { return Value{Value::Kind::kNumber, std::to_string(n)}; }

class GraphWalker {
 public:
  explicit GraphWalker(ExecContext& ctx) : ctx_(ctx) {
    auto type = ctx.store().FindTerm(Term::Iri(std::string(vocab::kRdfType)));
    if (type.ok()) rdf_type_ = *type;
  }

  // Edges touching `n` in either direction, between entities (no types, no
  // literals). False when the query must stop.
  bool Edges(TermId n, std::vector<Triple>* out) {
    for (bool outgoing : {true, false}) {
      auto cursor = ctx_.store().Scan(outgoing ? TriplePattern{n, kNoTerm, kNoTerm}
                                               : TriplePattern{kNoTerm, kNoTerm, n});
      for (; cursor->Valid(); cursor->Next()) {
        if (!ctx_.Tick()) return false;
        Triple t = cursor->triple();
        if (t.p == rdf_type_) continue;
        if (outgoing && ctx_.IsLiteral(t.o)) continue;
        out->push_back(t);
      }
      if (!cursor->status().ok()) {
        ctx_.Stop(cursor->status());
        return false;
      }
    }
    return true;
  }

  ExecContext& ctx_;
  TermId rdf_type_ = kNoTerm;
};

Result<ResultSet> ShortestPaths(const BoundQuery& q, ExecContext& ctx) {
  GraphWalker walker(ctx);
  ResultSet rs;
  rs.columns = {"path", "step", "subject", "predicate", "object"};
  std::unordered_map<TermId, int> depth;
  std::unordered_map<TermId, std::vector<std::pair<TermId, Triple>>> parents;
  std::vector<TermId> frontier;
  for (TermId s : q.from) {
    depth[s] = 0;
    frontier.push_back(s);
  }
  std::set<TermId> targets(q.to.begin(), q.to.end());
  std::vector<TermId> reached;
  for (TermId s : q.from)
    if (targets.count(s)) reached.push_back(s);
  for (int d = 1; d <= q.depth && reached.empty() && !frontier.empty(); ++d) {
    std::vector<TermId> next;
    for (TermId n : frontier) {
      std::vector<Triple> edges;
      if (!walker.Edges(n, &edges)) return ctx.status();
      for (const Triple& t : edges) {
        TermId m = t.s == n ? t.o : t.s;
        auto it = depth.find(m);
        if (it == depth.end()) {
          depth[m] = d;
          next.push_back(m);
          if (targets.count(m)) reached.push_back(m);
        } else if (it->second != d) {
          continue;
        }
        parents[m].emplace_back(n, t);
      }
      if (next.size() > kMaxFrontier) {
        return Status::Cancelled("path search stopped: more than " + std::to_string(kMaxFrontier) +
                                 " entities at depth " + std::to_string(d) + "; lower max");
      }
    }
    frontier.swap(next);
  }
  // Walk back from each reached target, one path per combination of parents.
  size_t path_no = 0;
  std::vector<Triple> stack;
  std::function<void(TermId)> walk = [&](TermId n) {
    if (path_no >= kMaxPaths) return;
    if (depth[n] == 0) {
      ++path_no;
      for (size_t i = stack.size(); i-- > 0;) {
        const Triple& t = stack[i];
        rs.rows.push_back({Number(path_no), Number(stack.size() - i), Text(ctx.Label(t.s)),
                           Text(ctx.Label(t.p)), Text(ctx.Label(t.o))});
      }
      return;
    }
    for (const auto& [prev, t] : parents[n]) {
      stack.push_back(t);
      walk(prev);
      stack.pop_back();
    }
  };
  for (TermId t : reached) walk(t);
  return rs;
}

Result<ResultSet> Neighbors(const BoundQuery& q, ExecContext& ctx) {
  GraphWalker walker(ctx);
  ResultSet rs;
  rs.columns = {"depth", "subject", "predicate", "object"};
  std::unordered_set<TermId> seen(q.from.begin(), q.from.end());
  std::vector<TermId> frontier = q.from;
  std::set<Triple> emitted;
  for (int d = 1; d <= q.depth && !frontier.empty(); ++d) {
    std::vector<TermId> next;
    for (TermId n : frontier) {
      std::vector<Triple> edges;
      if (!walker.Edges(n, &edges)) return ctx.status();
      for (const Triple& t : edges) {
        if (!emitted.insert(t).second) continue;
        uint64_t max = ctx.options().max_rows;
        if (max > 0 && rs.rows.size() >= max) {
          return Status::Cancelled("neighbors stopped at " + std::to_string(max) +
                                   " edges (--max-rows); lower depth");
        }
        rs.rows.push_back({Number(static_cast<uint64_t>(d)), Text(ctx.Label(t.s)),
                           Text(ctx.Label(t.p)), Text(ctx.Label(t.o))});
        TermId m = t.s == n ? t.o : t.s;
        if (seen.insert(m).second) next.push_back(m);
      }
    }
    frontier.swap(next);
  }
  return rs;
}

Result<ResultSet> Describe(const BoundQuery& q, ExecContext& ctx) {
  ResultSet rs;
  rs.columns = {"subject", "predicate", "object", "evidence"};
  for (TermId id : q.from) {
    for (bool outgoing : {true, false}) {
      auto cursor = ctx.store().Scan(outgoing ? TriplePattern{id, kNoTerm, kNoTerm}
                                              : TriplePattern{kNoTerm, kNoTerm, id});
      for (; cursor->Valid(); cursor->Next()) {
        if (!ctx.Tick()) return ctx.status();
        Triple t = cursor->triple();
        if (!outgoing && t.s == id) continue;  // a self-loop was listed already
        auto ev = ctx.store().GetEvidence(t);
        if (!ev.ok()) return ev.status();
        rs.rows.push_back(
            {Text(ctx.Label(t.s)), Text(ctx.Label(t.p)), Text(ctx.Label(t.o)), Number(ev->size())});
      }
      if (!cursor->status().ok()) return cursor->status();
    }
  }
  return rs;
}

Result<ResultSet> Why(const BoundQuery& q, ExecContext& ctx) {
  const BoundPattern& p = q.why;
  ResultSet rs;
  bool show_s = p.s.is_var() || p.s.ids.size() > 1, show_o = p.o.is_var() || p.o.ids.size() > 1;
  if (show_s) rs.columns.push_back("subject");
  if (p.predicates.size() > 1) rs.columns.push_back("predicate");
  if (show_o) rs.columns.push_back("object");
  for (const char* c : {"document", "date", "sentence", "rule"}) rs.columns.push_back(c);
  for (const TriplePattern& range : p.ConstantRanges()) {
    auto cursor = ctx.store().Scan(range);
    for (; cursor->Valid(); cursor->Next()) {
      if (!ctx.Tick()) return ctx.status();
      Triple t = cursor->triple();
      if (p.s.is_var() && p.o.is_var() && p.s.var == p.o.var && t.s != t.o) continue;
      std::vector<Value> prefix;
      if (show_s) prefix.push_back(Text(ctx.Label(t.s)));
      if (p.predicates.size() > 1) prefix.push_back(Text(ctx.Label(t.p)));
      if (show_o) prefix.push_back(Text(ctx.Label(t.o)));
      KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, ctx.store().GetEvidence(t));
      std::set<std::string> docs_with_evidence;
      for (const Evidence& e : evidence) {
        docs_with_evidence.insert(e.doc_id);
        std::vector<Value> row = prefix;
        row.push_back(Text(e.doc_id));
        row.push_back(ctx.DocumentDate(e.doc_id).empty() ? Value{}
                                                         : Text(ctx.DocumentDate(e.doc_id)));
        row.push_back(Text(e.sentence));
        row.push_back(Text(e.rule));
        rs.rows.push_back(std::move(row));
      }
      // Loaded RDF carries no sentences: name the documents that hold it.
      KG_ASSIGN_OR_RETURN(std::vector<std::string> docs, ctx.store().SupportingDocuments(t));
      for (const std::string& d : docs) {
        if (docs_with_evidence.count(d)) continue;
        std::vector<Value> row = prefix;
        row.push_back(Text(d));
        row.push_back(ctx.DocumentDate(d).empty() ? Value{} : Text(ctx.DocumentDate(d)));
        row.push_back(Value{});
        row.push_back(Value{});
        rs.rows.push_back(std::move(row));
      }
    }
    if (!cursor->status().ok()) return cursor->status();
  }
  return rs;
}

}  // namespace

Result<ResultSet> ExecuteGraphQuery(const BoundQuery& query, const Store& store,
                                    const QueryOptions& options) {
  ExecContext ctx(store, options);
  switch (query.kind) {
    case ast::Query::Kind::kPath:
      return ShortestPaths(query, ctx);
    case ast::Query::Kind::kNeighbors:
      return Neighbors(query, ctx);
    case ast::Query::Kind::kDescribe:
      return Describe(query, ctx);
    case ast::Query::Kind::kWhy:
      return Why(query, ctx);
    default:
      return Status::Internal("not a graph query");
  }
}

}  // namespace kg::query
