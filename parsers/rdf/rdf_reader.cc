#include "parsers/rdf/rdf_reader.h"

#include <cstdio>
#include <cstring>

#include "parsers/rdf/nt_scanner.h"

namespace kg::rdf {

Result<Format> ParseFormatName(std::string_view name) {
  if (name == "ntriples" || name == "nt" || name == "n-triples") return Format::kNTriples;
  if (name == "nquads" || name == "nq" || name == "n-quads") return Format::kNQuads;
  return Status::InvalidInput("unknown RDF format '" + std::string(name) +
                              "' (expected ntriples or nquads)");
}

Result<Format> FormatFromPath(std::string_view path) {
  std::string_view p = path;
  if (p.size() > 3 && p.substr(p.size() - 3) == ".gz") p.remove_suffix(3);
  auto ends = [&](std::string_view ext) {
    return p.size() > ext.size() && p.substr(p.size() - ext.size()) == ext;
  };
  if (ends(".nt") || ends(".ntriples")) return Format::kNTriples;
  if (ends(".nq") || ends(".nquads")) return Format::kNQuads;
  return Status::InvalidInput(std::string(path) +
                              ": cannot tell the RDF format from the file name (expected .nt, "
                              ".nq, optionally .gz); use --format ntriples|nquads");
}

std::string_view FormatName(Format f) { return f == Format::kNQuads ? "nquads" : "ntriples"; }

namespace {
constexpr size_t kInitialBuffer = size_t{1} << 20;
}  // namespace

// The line buffer and the statement grammar around the term scanners.
class Reader::Impl {
 public:
  Impl(Reader* r) : r_(r), cap_(kInitialBuffer), buf_(new char[kInitialBuffer + 1]) {}

  bool Next(Quad* q) {
    for (;;) {
      if (p_ == nullptr) {
        if (!NextLine()) return false;
      }
      while (*p_ == ' ' || *p_ == '\t') ++p_;
      if (p_ >= e_) {
        p_ = nullptr;
        continue;
      }
      char c = *p_;
      if (c == '\r') {
        // CR LF ends one line; a lone CR ends a line of its own.
        if (++p_ < e_) {
          ++r_->line_;
          line_start_ = p_;
        }
        continue;
      }
      if (c == '#') {
        if (!scan::Comment(p_, e_, &err_)) return Fail();
        continue;
      }
      if (!Statement(q)) return Fail();
      ++r_->statements_;
      return true;
    }
  }

 private:
  // Sets p_/e_ to the next line (without its '\n'); *e_ is always '\n', a
  // sentinel that stops the scanners' inner loops.
  bool NextLine() {
    for (;;) {
      if (scan_ < end_) {
        auto* nl = static_cast<char*>(std::memchr(buf_.get() + scan_, '\n', end_ - scan_));
        if (nl) {
          StartLine(buf_.get() + begin_, nl);
          begin_ = scan_ = static_cast<size_t>(nl - buf_.get()) + 1;
          return true;
        }
        scan_ = end_;
      }
      if (eof_) {
        if (begin_ == end_) return false;
        buf_[end_] = '\n';
        StartLine(buf_.get() + begin_, buf_.get() + end_);
        begin_ = scan_ = end_;
        return true;
      }
      if (begin_ > 0) {
        std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        scan_ -= begin_;
        begin_ = 0;
      }
      if (cap_ > kInitialBuffer && end_ < kInitialBuffer / 2) {
        Resize(kInitialBuffer);  // give back what a long line took
      } else if (end_ == cap_) {
        if (cap_ >= kMaxLineBytes) {
          r_->status_ = Status::InvalidInput(Position(r_->line_ + 1, 1) + "line is longer than " +
                                             std::to_string(kMaxLineBytes >> 20) +
                                             " MiB; refusing it to bound memory");
          return false;
        }
        Resize(std::min(cap_ * 2, kMaxLineBytes));
      }
      auto got = r_->source_->Read(buf_.get() + end_, cap_ - end_);
      if (!got.ok()) {
        // "FILE: detail" from the source becomes "FILE:LINE:COL: detail".
        const std::string& name = r_->source_->name();
        std::string msg = got.status().message();
        if (msg.rfind(name + ": ", 0) == 0) msg = msg.substr(name.size() + 2);
        uint64_t col = 1 + Chars(buf_.get() + begin_, buf_.get() + end_);
        r_->status_ = Status::InvalidInput(Position(r_->line_ + 1, col) + msg);
        return false;
      }
      if (*got == 0) eof_ = true;
      end_ += *got;
    }
  }

  void StartLine(const char* ls, const char* le) {
    // A UTF-8 byte order mark at the very start is tolerated, as most readers do.
    if (r_->line_ == 0 && le - ls >= 3 && std::memcmp(ls, "\xEF\xBB\xBF", 3) == 0) ls += 3;
    p_ = line_start_ = ls;
    e_ = le;
    ++r_->line_;
  }

  void Resize(size_t cap) {
    std::unique_ptr<char[]> fresh(new char[cap + 1]);
    std::memcpy(fresh.get(), buf_.get(), end_);
    buf_ = std::move(fresh);
    cap_ = cap;
  }

  static uint64_t Chars(const char* b, const char* e) {
    uint64_t n = 0;
    for (; b < e; ++b) n += (static_cast<unsigned char>(*b) & 0xC0) != 0x80;
    return n;
  }

  std::string Position(uint64_t line, uint64_t col) const {
    return r_->source_->name() + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
  }

  bool Fail() {
    const char* at = err_.at ? err_.at : p_;
    std::string msg = Position(r_->line_, 1 + Chars(line_start_, at)) + err_.message;
    r_->status_ =
        err_.not_supported ? Status::NotSupported(std::move(msg)) : Status::InvalidInput(msg);
    return false;
  }

  bool Err(const char* at, std::string msg, bool not_supported = false) {
    err_.at = at;
    err_.message = std::move(msg);
    err_.not_supported = not_supported;
    return false;
  }

  // An error for the unexpected character at p_, given what was expected.
  bool Unexpected(const std::string& expected) {
    unsigned char c = static_cast<unsigned char>(*p_);
    if (p_ >= e_ || c == '\r') return Err(p_, expected + ", found the end of the line");
    if (c == 0) return Err(p_, expected + ", found a NUL byte (is this a binary file?)");
    if (c >= 0x80) {
      uint32_t cp;
      if (scan::DecodeUtf8(p_, e_, &cp) == 0) return Err(p_, scan::Utf8Problem(p_, e_));
      int n = scan::DecodeUtf8(p_, e_, &cp);
      return Err(p_, expected + ", found '" + std::string(p_, static_cast<size_t>(n)) + "'");
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "control character U+%04X", c);
      return Err(p_, expected + ", found " + buf);
    }
    return Err(p_, expected + ", found '" + std::string(1, static_cast<char>(c)) + "'");
  }

  bool TripleTerm() {
    return Err(p_, "RDF 1.2 triple terms (<<( ... )>>) and quoted triples are not supported", true);
  }

  void SkipWs() {
    while (*p_ == ' ' || *p_ == '\t') ++p_;
  }

  static void SetIri(Term* t) {
    t->kind = TermKind::kIri;
    t->datatype.clear();
    t->lang.clear();
  }
  static void SetBlank(Term* t) {
    t->kind = TermKind::kBlank;
    t->datatype.clear();
    t->lang.clear();
  }

  bool Statement(Quad* q) {
    err_ = {};
    // Subject.
    switch (*p_) {
      case '<':
        if (p_[1] == '<') return TripleTerm();
        if (!scan::Iri(p_, e_, &q->s.value, &err_)) return false;
        SetIri(&q->s);
        break;
      case '_':
        if (!scan::BlankNode(p_, e_, &q->s.value, &err_)) return false;
        SetBlank(&q->s);
        break;
      case '"':
        return Err(p_, "a literal cannot be the subject of a statement");
      case '@':
        return Err(p_, "Turtle directives (@prefix, @base) are not allowed in N-Triples/N-Quads");
      default:
        return Unexpected("expected a subject (<IRI> or _:label)");
    }
    SkipWs();
    // Predicate.
    if (*p_ == '<') {
      if (!scan::Iri(p_, e_, &q->p.value, &err_)) return false;
      SetIri(&q->p);
    } else if (*p_ == '_' || *p_ == '"') {
      return Err(p_, "the predicate must be an IRI");
    } else {
      return Unexpected("expected a predicate <IRI>");
    }
    SkipWs();
    // Object.
    switch (*p_) {
      case '<':
        if (p_[1] == '<') return TripleTerm();
        if (!scan::Iri(p_, e_, &q->o.value, &err_)) return false;
        SetIri(&q->o);
        break;
      case '_':
        if (!scan::BlankNode(p_, e_, &q->o.value, &err_)) return false;
        SetBlank(&q->o);
        break;
      case '"':
        if (!scan::Literal(p_, e_, &q->o, &err_)) return false;
        break;
      default:
        return Unexpected("expected an object (<IRI>, _:label or \"literal\")");
    }
    SkipWs();
    // Graph name.
    if (r_->format_ == Format::kNQuads && (*p_ == '<' || *p_ == '_')) {
      if (!q->graph) q->graph.emplace();
      if (*p_ == '<') {
        if (p_[1] == '<') return TripleTerm();
        if (!scan::Iri(p_, e_, &q->graph->value, &err_)) return false;
        SetIri(&*q->graph);
      } else {
        if (!scan::BlankNode(p_, e_, &q->graph->value, &err_)) return false;
        SetBlank(&*q->graph);
      }
      SkipWs();
    } else {
      q->graph.reset();
      if (*p_ == '"') return Err(p_, "a graph name must be an IRI or a blank node");
      if (*p_ == '<' || *p_ == '_') {
        return Err(p_, "N-Triples statements have three terms (a graph name needs N-Quads)");
      }
    }
    if (*p_ != '.' || p_ >= e_) return Unexpected("expected '.' to end the statement");
    ++p_;
    SkipWs();
    if (p_ < e_ && *p_ != '#' && *p_ != '\r') {
      return Unexpected("expected the end of the line after '.'");
    }
    return true;
  }

  Reader* r_;
  size_t cap_;
  std::unique_ptr<char[]> buf_;
  size_t begin_ = 0, scan_ = 0, end_ = 0;
  bool eof_ = false;
  const char* p_ = nullptr;
  const char* e_ = nullptr;
  const char* line_start_ = nullptr;
  scan::Error err_;
};

Reader::Reader(std::unique_ptr<ByteSource> source, Format format)
    : source_(std::move(source)), format_(format), impl_(std::make_unique<Impl>(this)) {}

Reader::~Reader() = default;

Result<std::unique_ptr<Reader>> Reader::Open(const std::string& path, Format format, bool hash) {
  KG_ASSIGN_OR_RETURN(auto src, ByteSource::Open(path, hash));
  return FromSource(std::move(src), format);
}

std::unique_ptr<Reader> Reader::FromSource(std::unique_ptr<ByteSource> source, Format format) {
  return std::unique_ptr<Reader>(new Reader(std::move(source), format));
}

std::unique_ptr<Reader> Reader::FromString(std::string text, Format format, std::string name) {
  return FromSource(ByteSource::FromString(std::move(text), std::move(name)), format);
}

bool Reader::Next(Quad* quad) {
  if (!status_.ok()) return false;
  return impl_->Next(quad);
}

namespace {
Status Drain(Reader& reader, const std::function<Status(const Quad&)>& fn) {
  Quad q;
  while (reader.Next(&q)) KG_RETURN_IF_ERROR(fn(q));
  return reader.status();
}
}  // namespace

Status ParseFile(const std::string& path, Format format,
                 const std::function<Status(const Quad&)>& fn) {
  KG_ASSIGN_OR_RETURN(auto reader, Reader::Open(path, format));
  return Drain(*reader, fn);
}

Status ParseString(std::string text, Format format, const std::function<Status(const Quad&)>& fn,
                   std::string name) {
  auto reader = Reader::FromString(std::move(text), format, std::move(name));
  return Drain(*reader, fn);
}

}  // namespace kg::rdf
