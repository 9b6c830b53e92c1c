#include "parsers/document_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "parsers/html.h"
#include "parsers/text.h"

namespace kg::parsers {
namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool KnownExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm" || ext == ".jsonl" ||
         ext == ".pdf";
}

struct DirKey {
  dev_t dev;
  ino_t ino;
  auto operator<=>(const DirKey&) const = default;
};

void Walk(const fs::path& dir, std::vector<DirKey>* stack, std::vector<std::string>* out,
          const ProblemFn& problem) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    problem({dir.string() + ": " + std::strerror(errno) + ", skipped", errno != ELOOP});
    return;
  }
  DirKey key{st.st_dev, st.st_ino};
  if (std::find(stack->begin(), stack->end(), key) != stack->end()) {
    problem({dir.string() + ": symlink loop (directory already being read), skipped", false});
    return;
  }
  stack->push_back(key);
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  if (ec) problem({dir.string() + ": " + ec.message(), true});
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    struct stat est;
    if (::stat(p.c_str(), &est) != 0) {
      if (errno == ELOOP) {
        problem({p.string() + ": symlink loop, skipped", false});
      } else {
        problem({p.string() + ": " + std::strerror(errno) + ", skipped", false});
      }
      continue;
    }
    if (S_ISDIR(est.st_mode)) {
      Walk(p, stack, out, problem);
    } else if (S_ISREG(est.st_mode) && KnownExtension(Lower(p.extension().string()))) {
      out->push_back(p.string());
    }
  }
  stack->pop_back();
}

// First non-empty line, without Markdown heading marks.
std::string FirstLine(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = CollapseSpace(text.substr(i, nl - i));
    while (!line.empty() && line[0] == '#') line.erase(0, 1);
    line = CollapseSpace(line);
    if (!line.empty()) return line.size() > 200 ? line.substr(0, 200) : line;
    i = nl + 1;
  }
  return {};
}

// "LINE:COL" of byte `offset`, both 1-based, the column counted in characters
// (UTF-8 continuation bytes do not start one), as every other kg error says it.
std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

bool CheckText(const std::string& where, std::string_view text, const ProblemFn& problem) {
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    problem({where + ":" + LineColumn(text, nul) + ": binary file (NUL byte), skipped", true});
    return false;
  }
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    problem({where + ":" + LineColumn(text, bad) + ": invalid UTF-8, skipped", true});
    return false;
  }
  if (IsBlank(text)) {
    problem({where + ": empty document, skipped", true});
    return false;
  }
  return true;
}

std::string StringField(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return {};
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return {};
}

size_t ReadJsonl(const std::string& path, const std::string& bytes, const DocumentFn& fn,
                 const ProblemFn& problem) {
  size_t count = 0, line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (IsBlank(line)) continue;
    std::string where = path + ":" + std::to_string(line_no);
    rapidjson::Document d;
    // RapidJSON's check of every string byte, one at a time, took more than
    // half of the parse; a line checked eight bytes at a time parses the same
    // without it, and an invalid one goes through it for the same message.
    if (FindInvalidUtf8(line) == std::string_view::npos) {
      d.Parse(line.data(), line.size());
    } else {
      d.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    }
    if (d.HasParseError()) {
      problem({where + ": malformed JSON at column " + std::to_string(d.GetErrorOffset() + 1) +
                   " (" + rapidjson::GetParseError_En(d.GetParseError()) + "), line skipped",
               false});
      continue;
    }
    if (!d.IsObject()) {
      problem({where + ": not a JSON object, line skipped", false});
      continue;
    }
    SourceDocument doc;
    doc.info.id = StringField(d, "id");
    doc.text = StringField(d, "text");
    if (doc.info.id.empty()) {
      problem({where + ": record has no \"id\", line skipped", false});
      continue;
    }
    if (IsBlank(doc.text)) {
      problem({where + ": record " + doc.info.id + " has no \"text\", line skipped", false});
      continue;
    }
    doc.info.title = StringField(d, "title");
    doc.info.date = NormalizeDate(StringField(d, "date"));
    doc.info.source = StringField(d, "url");
    if (doc.info.source.empty()) doc.info.source = StringField(d, "source");
    if (doc.info.source.empty()) doc.info.source = where;
    doc.info.content_hash = ContentHash(doc.info.title + "\n" + doc.text);
    fn(std::move(doc));
    ++count;
  }
  return count;
}

bool PdfText(const std::string& path, const std::string& bytes, SourceDocument* doc,
             const ProblemFn& problem) {
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_data(&data));
  if (!pdf) {
    problem({path + ": unreadable PDF (not a PDF or damaged), skipped", true});
    return false;
  }
  if (pdf->is_locked()) {
    problem({path + ": PDF is encrypted, skipped", true});
    return false;
  }
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    auto utf8 = page->text().to_utf8();
    doc->text.append(utf8.begin(), utf8.end());
    doc->text += "\n\n";
  }
  auto title = pdf->info_key("Title").to_utf8();
  doc->info.title.assign(title.begin(), title.end());
  return true;
}

}  // namespace

std::vector<std::string> ListInputFiles(const std::vector<std::string>& paths,
                                        const ProblemFn& problem) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      problem({p + ": " +
                   (errno == ENOENT ? std::string("no such file or directory")
                                    : std::string(std::strerror(errno))),
               true});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::vector<DirKey> stack;
      Walk(p, &stack, &out, problem);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

Result<std::string> ReadBytes(const std::string& path) {
  // Devices, FIFOs and sockets never end (/dev/zero) or block: documents are files.
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st)) {
    return Status::InvalidInput(path + ": not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::InvalidInput(path + ": cannot read (" + std::strerror(errno) + ")");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::InvalidInput(path + ": read error");
  return ss.str();
}

bool HoldsManyDocuments(const std::string& path) {
  return Lower(fs::path(path).extension().string()) == ".jsonl";
}

size_t ReadFile(const std::string& path, const DocumentFn& fn, const ProblemFn& problem) {
  auto bytes = ReadBytes(path);
  if (!bytes.ok()) {
    problem({bytes.status().message(), true});
    return 0;
  }
  fs::path p(path);
  std::string ext = Lower(p.extension().string());
  if (bytes->empty()) {
    problem({path + ": empty file, skipped", true});
    return 0;
  }
  if (HoldsManyDocuments(path)) {
    if (LooksBinary(*bytes)) {
      problem({path + ": binary file, skipped", true});
      return 0;
    }
    return ReadJsonl(path, *bytes, fn, problem);
  }
  SourceDocument doc;
  doc.info.id = p.stem().string();
  doc.info.source = path;
  if (ext == ".pdf") {
    if (!PdfText(path, *bytes, &doc, problem)) return 0;
    if (!CheckText(path, doc.text, problem)) return 0;
  } else {
    if (!CheckText(path, *bytes, problem)) return 0;
    if (ext == ".html" || ext == ".htm") {
      doc.text = HtmlToText(*bytes, &doc.info.title);
      if (IsBlank(doc.text)) {
        problem({path + ": no text in HTML, skipped", true});
        return 0;
      }
    } else {
      doc.text = std::move(bytes).value();
      // A UTF-8 byte-order mark is not text.
      if (doc.text.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.text.replace(0, 3, "   ");
    }
  }
  if (doc.info.title.empty()) doc.info.title = FirstLine(doc.text);
  doc.info.content_hash = ContentHash(doc.text);
  fn(std::move(doc));
  return 1;
}

}  // namespace kg::parsers
