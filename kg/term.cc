#include "kg/term.h"

#include <cstdio>

#include "kg/vocab.h"

namespace kg {
namespace {

// IRIREF forbids <>"{}|^`\ and characters up to space: escape them as \uXXXX.
void AppendEscapedIri(std::string& out, const std::string& s) {
  for (unsigned char c : s) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace

// Control characters go out as \uXXXX too, so output stays one line per
// triple (or JSON row) and DEL never reaches a terminal raw.
void AppendEscapedString(std::string& out, std::string_view s) {
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

std::string Term::ToNTriples() const {
  std::string out;
  switch (kind) {
    case TermKind::kIri:
      out += '<';
      AppendEscapedIri(out, value);
      out += '>';
      break;
    case TermKind::kBlank:
      out += "_:";
      out += value;
      break;
    case TermKind::kLiteral:
      out += '"';
      AppendEscapedString(out, value);
      out += '"';
      if (!lang.empty()) {
        out += '@';
        out += lang;
      } else if (!datatype.empty() && datatype != vocab::kXsdString) {
        out += "^^<";
        AppendEscapedIri(out, datatype);
        out += '>';
      }
      break;
  }
  return out;
}

}  // namespace kg
