// The self-contained HTML viewer: viewer/viewer.html with cytoscape.js and
// the graph (as Cytoscape.js JSON with evidence) inlined, so it opens
// offline from a file:// URL.
#include <string>

#include "query/export/formats.h"
#include "query/export/json_sink.h"
#include "query/export/text_sink.h"

namespace kg::exporting {

extern const std::string_view kCytoscapeJs;
extern const std::string_view kViewerHtml;

namespace {

constexpr std::string_view kLibMark = "/*@KG_CYTOSCAPE@*/";
constexpr std::string_view kDataMark = "/*@KG_DATA@*/";
constexpr std::string_view kTitleMark = "@KG_TITLE@";

// The library as it may sit inside <script>: "</script" and "<!--" must not
// occur (the HTML parser would end or confuse the element there). Both can
// only appear inside JavaScript strings, regexes or comments, where "<\/"
// and "\x3C!--" mean the same. The pinned cytoscape.js has neither today.
bool StartsWithNoCase(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

const std::string& SafeLibrary() {
  static const std::string kSafe = [] {
    std::string out;
    out.reserve(kCytoscapeJs.size());
    for (size_t i = 0; i < kCytoscapeJs.size(); ++i) {
      if (StartsWithNoCase(kCytoscapeJs, i, "</script")) {
        out += "<\\/";
        ++i;  // skip the '/'
      } else if (StartsWithNoCase(kCytoscapeJs, i, "<!--")) {
        out += "\\x3C";
      } else {
        out.push_back(kCytoscapeJs[i]);
      }
    }
    return out;
  }();
  return kSafe;
}

class HtmlExporter : public Exporter {
 public:
  explicit HtmlExporter(const ExportOptions& options) : options_(options) {}

  Status Write(const ExportGraph& graph, std::ostream& out) const override {
    std::string_view html = kViewerHtml;
    size_t title = html.find(kTitleMark);
    size_t lib = html.find(kLibMark);
    size_t data = html.find(kDataMark);
    if (title == std::string_view::npos || lib == std::string_view::npos ||
        data == std::string_view::npos || !(title < lib && lib < data)) {
      return Status::Internal("the embedded HTML viewer template lacks its placeholders");
    }
    {
      TextSink s(out);
      s << html.substr(0, title);
      s.Xml(options_.title);
      s << html.substr(title + kTitleMark.size(), lib - title - kTitleMark.size());
      s << SafeLibrary();
      s << html.substr(lib + kLibMark.size(), data - lib - kLibMark.size());
      KG_RETURN_IF_ERROR(s.Finish());
    }
    {
      JsonSink sink(out, /*html_safe=*/true);
      WriteCytoscapeDocument(graph, sink, /*evidence=*/true, options_);
      KG_RETURN_IF_ERROR(sink.Finish());
    }
    TextSink s(out);
    s << html.substr(data + kDataMark.size());
    return s.Finish();
  }

 private:
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Exporter> NewHtmlExporter(const ExportOptions& options) {
  return std::make_unique<HtmlExporter>(options);
}

}  // namespace kg::exporting
