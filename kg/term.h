// Term: an RDF term (IRI, blank node or literal) as kg stores it, and the
// triple/statement types built from terms and term ids.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

enum class TermKind : uint8_t { kIri = 1, kBlank = 2, kLiteral = 3 };

struct Term {
  TermKind kind = TermKind::kIri;
  std::string value;     // IRI text, blank node label, or literal lexical form
  std::string datatype;  // literals only; empty means xsd:string (or rdf:langString with lang)
  std::string lang;      // literals only; lower-cased language tag

  static Term Iri(std::string iri) { return Term{TermKind::kIri, std::move(iri), {}, {}}; }
  static Term Blank(std::string label) { return Term{TermKind::kBlank, std::move(label), {}, {}}; }
  static Term Literal(std::string lexical, std::string datatype = {}, std::string lang = {}) {
    return Term{TermKind::kLiteral, std::move(lexical), std::move(datatype), std::move(lang)};
  }

  bool is_iri() const { return kind == TermKind::kIri; }
  bool is_literal() const { return kind == TermKind::kLiteral; }
  bool is_blank() const { return kind == TermKind::kBlank; }

  // N-Triples form: <iri>, _:label, "lexical"@lang, "lexical"^^<dt>.
  std::string ToNTriples() const;

  auto operator<=>(const Term&) const = default;
};

// Dictionary id of a stored term. Ids are dense, assigned in insertion order,
// and never reused; 0 means "no term" (a free position in a pattern).
using TermId = uint64_t;
inline constexpr TermId kNoTerm = 0;

struct Triple {
  TermId s = kNoTerm, p = kNoTerm, o = kNoTerm;
  auto operator<=>(const Triple&) const = default;
};

// A triple pattern: kNoTerm in a position leaves it free.
using TriplePattern = Triple;

// Appends `s` escaped for a double-quoted string, where N-Triples and JSON
// agree: \" \\ \n \r \t \b \f, and other control characters as \u00XX.
void AppendEscapedString(std::string& out, std::string_view s);

}  // namespace kg
