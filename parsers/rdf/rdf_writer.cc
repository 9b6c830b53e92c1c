#include "parsers/rdf/rdf_writer.h"

#include <cerrno>
#include <cstring>

#include "kg/vocab.h"

namespace kg::rdf {
namespace {

constexpr size_t kFlushAt = 1 << 20;
constexpr char kHex[] = "0123456789ABCDEF";

void AppendU4(std::string* out, unsigned char c) {
  char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
  out->append(buf, 6);
}

void AppendIri(std::string* out, const std::string& s) {
  out->push_back('<');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      out->append(s, run, i - run);
      AppendU4(out, c);
      run = i + 1;
    }
  }
  out->append(s, run, s.size() - run);
  out->push_back('>');
}

void AppendString(std::string* out, const std::string& s) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out->append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        AppendU4(out, c);
    }
  }
  out->append(s, run, s.size() - run);
  out->push_back('"');
}

bool SafeAsciiLabel(const std::string& s) {
  if (s.empty() || s[0] == '-' || s[0] == '.' || s.back() == '.') return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

void AppendTerm(std::string* out, const Term& t) {
  switch (t.kind) {
    case TermKind::kIri:
      AppendIri(out, t.value);
      break;
    case TermKind::kBlank:
      out->append("_:");
      if (SafeAsciiLabel(t.value)) {
        out->append(t.value);
      } else {
        // Labels from elsewhere (non-ASCII, or not label syntax): hex keeps
        // them distinct and parseable.
        out->append("x");
        for (unsigned char c : t.value) {
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        }
      }
      break;
    case TermKind::kLiteral:
      AppendString(out, t.value);
      if (!t.lang.empty()) {
        out->push_back('@');
        out->append(t.lang);
      } else if (!t.datatype.empty() && t.datatype != vocab::kXsdString) {
        out->append("^^");
        AppendIri(out, t.datatype);
      }
      break;
  }
}

void AppendStatement(std::string* out, const Term& s, const Term& p, const Term& o,
                     const Term* graph) {
  AppendTerm(out, s);
  out->push_back(' ');
  AppendTerm(out, p);
  out->push_back(' ');
  AppendTerm(out, o);
  if (graph) {
    out->push_back(' ');
    AppendTerm(out, *graph);
  }
  out->append(" .\n");
}

Writer::Writer(std::FILE* file, std::string name) : file_(file), name_(std::move(name)) {
  buf_.reserve(kFlushAt + 4096);
}

Writer::~Writer() { (void)Flush(); }

Status Writer::Write(const Term& s, const Term& p, const Term& o, const Term* graph) {
  AppendStatement(&buf_, s, p, o, graph);
  return buf_.size() >= kFlushAt ? Flush() : Status::OK();
}

Status Writer::WriteRaw(std::string_view text) {
  buf_.append(text);
  return buf_.size() >= kFlushAt ? Flush() : Status::OK();
}

Status Writer::Flush() {
  if (buf_.empty()) return Status::OK();
  size_t n = std::fwrite(buf_.data(), 1, buf_.size(), file_);
  bool short_write = n != buf_.size();
  buf_.clear();
  if (short_write || std::fflush(file_) != 0) {
    return Status::InvalidInput(name_ + ": write error: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace kg::rdf
