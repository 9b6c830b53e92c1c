#include "query/ast.h"

namespace kg::query::ast {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Join(const std::vector<Element>& elements) {
  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) out += (i ? ", " : "") + elements[i].ToString();
  return out;
}

}  // namespace

std::string Term::ToString() const {
  switch (kind) {
    case Kind::kVariable:
      return "?" + text;
    case Kind::kString:
      return Quote(text);
    case Kind::kIri:
      return "<" + text + ">";
    case Kind::kStar:
      return "*";
    default:
      return text;
  }
}

std::string PredicatePath::ToString() const {
  std::string out;
  if (alternatives.size() == 1) {
    out = alternatives[0].ToString();
  } else {
    out = "(";
    for (size_t i = 0; i < alternatives.size(); ++i)
      out += (i ? "|" : "") + alternatives[i].ToString();
    out += ")";
  }
  if (modifier) out += modifier;
  return out;
}

std::string TriplePattern::ToString() const {
  return s.ToString() + " " + p.ToString() + " " + o.ToString();
}

std::string Comparison::ToString() const {
  if (op == "in") {
    std::string out = lhs.ToString() + " in (";
    for (size_t i = 0; i < rhs.size(); ++i) out += (i ? ", " : "") + rhs[i].ToString();
    return out + ")";
  }
  return lhs.ToString() + " " + op + " " + (rhs.empty() ? "" : rhs[0].ToString());
}

std::string FilterFactor::ToString() const {
  return nested.empty() ? comparison.ToString() : "(" + nested[0].ToString() + ")";
}

std::string FilterExpr::ToString() const {
  std::string out;
  for (size_t i = 0; i < any_of.size(); ++i) {
    if (i) out += " or ";
    for (size_t j = 0; j < any_of[i].size(); ++j)
      out += (j ? " and " : "") + any_of[i][j].ToString();
  }
  return out;
}

std::string Element::ToString() const {
  switch (kind) {
    case Kind::kTriple:
      return triple.ToString();
    case Kind::kNot:
      return "not { " + Join(group) + " }";
    case Kind::kOptional:
      return "optional { " + Join(group) + " }";
    case Kind::kFilter:
      return "filter(" + filter.ToString() + ")";
    case Kind::kSince:
      return "since " + date.ToString();
  }
  return "";
}

std::string Projection::ToString() const {
  std::string out = aggregate.empty()
                        ? var.ToString()
                        : aggregate + "(" + (distinct ? "distinct " : "") + var.ToString() + ")";
  if (!alias.empty()) out += " as " + alias;
  return out;
}

std::string Projection::ColumnName() const {
  if (!alias.empty()) return alias;
  if (aggregate.empty()) return var.text;
  return aggregate + (var.kind == Term::Kind::kStar ? "" : "_" + var.text);
}

std::string OrderKey::ToString() const { return key.ToString() + (descending ? " desc" : ""); }

std::string Query::ToString() const {
  std::string out = explain ? "explain " : "";
  switch (kind) {
    case Kind::kFind: {
      out += distinct ? "find distinct " : "find ";
      for (size_t i = 0; i < projections.size(); ++i)
        out += (i ? ", " : "") + projections[i].ToString();
      out += " where " + Join(body);
      break;
    }
    case Kind::kPattern:
      out += Join(body);
      break;
    case Kind::kCount:
      out += "count " + Join(body);
      break;
    case Kind::kPath:
      out += "path " + from.ToString() + " to " + to.ToString();
      if (depth) out += " max " + std::to_string(*depth);
      return out;
    case Kind::kNeighbors:
      out += "neighbors " + from.ToString();
      if (depth) out += " depth " + std::to_string(*depth);
      return out;
    case Kind::kDescribe:
      return out + "describe " + from.ToString();
    case Kind::kWhy:
      return out + "why " + why.ToString();
  }
  if (!group_by.empty()) {
    out += " group by ";
    for (size_t i = 0; i < group_by.size(); ++i) out += (i ? ", " : "") + group_by[i].ToString();
  }
  if (!order_by.empty()) {
    out += " order by ";
    for (size_t i = 0; i < order_by.size(); ++i) out += (i ? ", " : "") + order_by[i].ToString();
  }
  if (limit) out += " limit " + std::to_string(*limit);
  if (skip) out += " offset " + std::to_string(*skip);
  return out;
}

std::string Script::ToString() const {
  std::string out;
  for (const Query& q : queries) out += q.ToString() + ";\n";
  return out;
}

}  // namespace kg::query::ast
