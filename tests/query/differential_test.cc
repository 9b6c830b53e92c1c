// Differential test: random small graphs in a real store, random queries
// (patterns, joins, alternation, transitive paths, optional, not, filters,
// since, aggregates, count), each answered by the engine and by a naive
// evaluator written here from the language's definition. Rows must agree as
// multisets. Type patterns (`?a type Country`) give the planner ordered
// single-variable ranges, so merge joins are among the plans compared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>

#include "kg/store.h"
#include "kg/vocab.h"
#include "query/engine.h"
#include "query/script.h"

namespace kg::query {
namespace {

namespace fs = std::filesystem;

struct NaiveTriple {
  std::string s, p, o;
  std::string date;  // latest supporting document's date
};

const char* const kPreds[] = {"funds", "supports", "part_of"};
const char* const kVars[] = {"?a", "?b", "?c"};

using Binding = std::map<std::string, std::string>;  // variable -> label
struct Solution {
  Binding b;
  std::vector<std::string> dates;  // of the triples matched so far
};

class Naive {
 public:
  explicit Naive(std::vector<NaiveTriple> triples) : triples_(std::move(triples)) {}

  // Pairs (s, o) linked by one edge of any of `preds`, or by a chain of them.
  std::vector<std::pair<std::string, std::string>> Edges(const std::vector<std::string>& preds,
                                                         bool transitive,
                                                         std::vector<std::string>* dates) const {
    std::set<std::pair<std::string, std::string>> direct;
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& t : triples_) {
      if (std::find(preds.begin(), preds.end(), t.p) == preds.end()) continue;
      direct.insert({t.s, t.o});
      if (!transitive) {
        out.push_back({t.s, t.o});
        if (dates) dates->push_back(t.date);
      }
    }
    if (!transitive) return out;
    std::set<std::pair<std::string, std::string>> closure = direct;
    bool grew = true;
    while (grew) {
      grew = false;
      for (const auto& [a, b] : std::vector(closure.begin(), closure.end()))
        for (const auto& [c, d] : direct)
          if (b == c && closure.insert({a, d}).second) grew = true;
    }
    for (const auto& e : closure) {
      out.push_back(e);
      if (dates) dates->push_back("");
    }
    return out;
  }

  struct Pattern {
    std::string s, o;
    std::vector<std::string> preds;
    bool transitive = false;
  };

  static bool Match(const std::string& term, const std::string& value, Binding& b) {
    if (term[0] != '?') return term == value;
    auto it = b.find(term);
    if (it == b.end()) {
      b[term] = value;
      return true;
    }
    return it->second == value;
  }

  std::vector<Solution> Join(const std::vector<Solution>& in, const Pattern& p) const {
    std::vector<std::string> dates;
    auto edges = Edges(p.preds, p.transitive, &dates);
    std::vector<Solution> out;
    for (const Solution& sol : in) {
      for (size_t i = 0; i < edges.size(); ++i) {
        Solution next = sol;
        if (Match(p.s, edges[i].first, next.b) && Match(p.o, edges[i].second, next.b)) {
          next.dates.push_back(dates[i]);
          out.push_back(next);
        }
      }
    }
    return out;
  }

  std::vector<NaiveTriple> triples_;
};

std::string PatternText(const Naive::Pattern& p) {
  std::string pred = p.preds.size() == 1 ? p.preds[0] : "(" + p.preds[0] + "|" + p.preds[1] + ")";
  if (p.transitive) pred += "+";
  return p.s + " " + pred + " " + p.o;
}

class DifferentialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() / ("kg-diff-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(DifferentialTest, EngineAgreesWithNaiveEvaluator) {
  std::mt19937 rng(20251128);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  int compared = 0, non_empty = 0, merge_joins = 0;
  for (int graph = 0; graph < 4; ++graph) {
    std::string dir = dir_ + "/" + std::to_string(graph);
    const int entities = 5 + pick(4);
    auto label = [](int i) { return "E" + std::to_string(i); };
    // Documents with dates; each holds some random relations.
    std::map<std::tuple<std::string, std::string, std::string>, std::string> latest;
    {
      auto store = Store::Open(dir);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      for (int d = 0; d < 3; ++d) {
        DocumentInfo doc;
        doc.id = "doc" + std::to_string(d);
        doc.date = "202" + std::to_string(2 + d) + "-06-01";
        doc.content_hash = doc.id;
        std::vector<Statement> st;
        for (int e = 0; e < entities; ++e) {
          Term ent = Term::Iri(vocab::EntityIri(label(e)));
          // Labels come as rdfs:label, as skos:prefLabel (a French one
          // first, then English) or both (rdfs:label wins), so that a
          // result's labels are read by every route.
          if (e % 3 != 1) {
            st.push_back({ent,
                          Term::Iri(std::string(vocab::kRdfsLabel)),
                          Term::Literal(label(e)),
                          false,
                          {}});
          }
          if (e % 3 != 0) {
            Term pref = Term::Iri(std::string(vocab::kSkosPrefLabel));
            st.push_back({ent, pref, Term::Literal("fr " + label(e), "", "fr"), false, {}});
            st.push_back(
                {ent,
                 pref,
                 e % 3 == 1 ? Term::Literal(label(e), "", "en") : Term::Literal("x", "", "en"),
                 false,
                 {}});
          }
          st.push_back({ent,
                        Term::Iri(std::string(vocab::kRdfType)),
                        Term::Iri(vocab::TypeIri(e % 2 ? "Technology" : "Country")),
                        false,
                        {}});
        }
        int n = 4 + pick(6);
        for (int i = 0; i < n; ++i) {
          std::string s = label(pick(entities)), p = kPreds[pick(3)], o = label(pick(entities));
          Statement r{Term::Iri(vocab::EntityIri(s)),
                      Term::Iri(vocab::PredicateIri(p)),
                      Term::Iri(vocab::EntityIri(o)),
                      true,
                      {}};
          r.evidence.sentence = s + " " + p + " " + o;
          r.evidence.rule = "random";
          st.push_back(r);
          std::string& date = latest[{s, p, o}];
          date = std::max(date, doc.date);
        }
        ASSERT_TRUE((*store)->PutDocument(doc, st).ok());
      }
    }
    std::vector<NaiveTriple> triples;
    for (const auto& [k, date] : latest)
      triples.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), date});
    for (int e = 0; e < entities; ++e)  // every document states each type
      triples.push_back({label(e), "type", e % 2 ? "Technology" : "Country", "2024-06-01"});
    Naive naive(triples);
    auto store = Store::Open(dir, OpenOptions{.read_only = true, .create_if_missing = false});
    ASSERT_TRUE(store.ok());
    Engine engine(store->get());

    for (int qn = 0; qn < 60; ++qn) {
      auto term = [&](bool allow_const) {
        return allow_const && pick(4) == 0 ? label(pick(entities)) : std::string(kVars[pick(3)]);
      };
      auto random_pattern = [&]() {
        Naive::Pattern p;
        p.s = term(true);
        p.o = term(true);
        int kind = pick(7);
        if (kind == 6) {
          p.s = term(false);
          p.preds = {"type"};
          p.o = pick(2) ? "Technology" : "Country";
          return p;
        }
        if (kind == 0)
          p.preds = {"funds", "supports"};
        else if (kind == 1) {
          p.preds = {"part_of"};
          p.transitive = true;
        } else
          p.preds = {kPreds[pick(3)]};
        if (p.s[0] != '?' && p.o[0] != '?') p.o = "?a";
        return p;
      };
      int npat = 1 + pick(3);
      std::vector<Naive::Pattern> pats;
      for (int i = 0; i < npat; ++i) pats.push_back(random_pattern());
      std::vector<Solution> sols{Solution{}};
      std::string body;
      for (const auto& p : pats) {
        sols = naive.Join(sols, p);
        body += (body.empty() ? "" : ", ") + PatternText(p);
      }
      std::set<std::string> vars;
      for (const auto& p : pats)
        for (const std::string& t : {p.s, p.o})
          if (t[0] == '?') vars.insert(t);
      int extra = pick(6);
      bool has_optional = false;
      if (extra == 1) {  // not { }
        Naive::Pattern n = random_pattern();
        std::vector<Solution> kept;
        for (const Solution& s : sols)
          if (naive.Join({s}, n).empty()) kept.push_back(s);
        sols = kept;
        body += ", not { " + PatternText(n) + " }";
      } else if (extra == 2) {  // optional { }
        Naive::Pattern o = random_pattern();
        std::vector<Solution> out;
        for (const Solution& s : sols) {
          auto ext = naive.Join({s}, o);
          if (ext.empty())
            out.push_back(s);
          else
            out.insert(out.end(), ext.begin(), ext.end());
        }
        sols = out;
        for (const std::string& t : {o.s, o.o})
          if (t[0] == '?') vars.insert(t);
        body += ", optional { " + PatternText(o) + " }";
        has_optional = true;
      } else if (extra == 3) {  // filter
        std::string v = *std::next(vars.begin(), pick(static_cast<int>(vars.size())));
        std::string c = label(pick(entities));
        bool eq = pick(2) == 0;
        std::vector<Solution> kept;
        for (const Solution& s : sols) {
          auto it = s.b.find(v);
          if (it != s.b.end() && ((it->second == c) == eq)) kept.push_back(s);
        }
        sols = kept;
        body += ", filter(" + v + (eq ? " = " : " != ") + c + ")";
      } else if (extra == 4 && !has_optional) {  // since
        std::string day = "202" + std::to_string(2 + pick(3)) + "-01-01";
        std::vector<Solution> kept;
        for (const Solution& s : sols)
          if (std::any_of(s.dates.begin(), s.dates.end(),
                          [&](const std::string& d) { return !d.empty() && d >= day; }))
            kept.push_back(s);
        sols = kept;
        body += ", since " + day;
      }
      std::vector<std::string> want;
      std::string query;
      int shape = pick(3);
      std::vector<std::string> vlist(vars.begin(), vars.end());
      if (shape == 0) {
        query = "count " + body;
        want = {"count", std::to_string(sols.size())};
      } else if (shape == 1 && vlist.size() >= 2) {
        std::string g = vlist[0], c = vlist[1];
        query = "find " + g + ", count(distinct " + c + ") as n where " + body + " group by " + g;
        std::map<std::string, std::set<std::string>> groups;
        for (const Solution& s : sols) {
          auto gi = s.b.find(g);
          std::string key = gi == s.b.end() ? "" : gi->second;
          auto& set = groups[key];
          auto ci = s.b.find(c);
          if (ci != s.b.end()) set.insert(ci->second);
        }
        want.push_back(g.substr(1) + "\tn");
        for (const auto& [k, set] : groups) want.push_back(k + "\t" + std::to_string(set.size()));
      } else {
        std::string cols;
        for (const std::string& v : vlist) cols += (cols.empty() ? "" : ", ") + v;
        query = "find " + cols + " where " + body;
        std::string header;
        for (const std::string& v : vlist) header += (header.empty() ? "" : "\t") + v.substr(1);
        want.push_back(header);
        for (const Solution& s : sols) {
          std::string row;
          for (size_t i = 0; i < vlist.size(); ++i) {
            auto it = s.b.find(vlist[i]);
            row += (i ? "\t" : "") + (it == s.b.end() ? "" : it->second);
          }
          want.push_back(row);
        }
      }
      ScriptOptions options;
      options.format = Format::kTsv;
      std::ostringstream out, err;
      Status s = RunScript(engine, query, options, out, err);
      ASSERT_TRUE(s.ok()) << query << "\n" << err.str();
      std::vector<std::string> got;
      std::istringstream lines(out.str());
      for (std::string line; std::getline(lines, line);) got.push_back(line);
      std::sort(got.begin() + 1, got.end());
      std::sort(want.begin() + 1, want.end());
      EXPECT_EQ(got, want) << "graph " << graph << ": " << query;
      ++compared;
      std::ostringstream plan;
      ASSERT_TRUE(RunScript(engine, "explain " + query, options, plan, err).ok()) << err.str();
      if (plan.str().find("MergeJoin") != std::string::npos) ++merge_joins;
      if (want.size() > 1 && want[1] != "0") ++non_empty;
    }
  }
  EXPECT_EQ(compared, 240);
  EXPECT_GT(non_empty, 80);    // the comparison is not between empty answers
  EXPECT_GE(merge_joins, 10);  // and merge joins are among the plans compared
}

}  // namespace
}  // namespace kg::query
