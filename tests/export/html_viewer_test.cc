// The HTML viewer: self-contained, safe against hostile labels, and drawn by
// headless Chromium (the page writes how many nodes it drew into the DOM).
#include <gtest/gtest.h>

#include <regex>

#include "tests/export/consumer.h"
#include "tests/export/sample_graph.h"

namespace kg::exporting::testing {
namespace {

using kg::testing::RunProgram;
using kg::testing::TempDir;
using kg::testing::WriteFile;

// Opens `path` in headless Chromium and returns the DOM after the page ran.
std::string DumpDom(const TempDir& dir, const std::string& path) {
  auto r = RunProgram({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                       "--disable-background-networking", "--disable-component-update",
                       "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                       "--user-data-dir=" + (dir / "profile"), "--window-size=1280,800",
                       "--virtual-time-budget=5000", "--dump-dom", "file://" + path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

int Drawn(const std::string& dom, const std::string& what) {
  std::smatch m;
  std::regex re("<span id=\"kg-rendered-" + what + "\">(\\d+)</span>");
  if (!std::regex_search(dom, m, re)) return -1;
  return std::stoi(m[1]);
}

TEST(HtmlViewerTest, SelfContainedAndEscaped) {
  ExportOptions options;
  options.title = "Graph <b>&</b> \"title\"";
  std::string html = Render(SampleGraph(), "html", options);
  EXPECT_NE(html.find("<title>Graph &lt;b&gt;&amp;&lt;/b&gt; &quot;title&quot;</title>"),
            std::string::npos);
  // Works offline: nothing is loaded from elsewhere.
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  // Hostile text only as JSON escapes: the page has exactly its own 3 scripts.
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  size_t scripts = 0;
  for (size_t p = html.find("</script>"); p != std::string::npos;
       p = html.find("</script>", p + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 3u);
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), std::string::npos);
  EXPECT_NE(html.find("Cytoscape Consortium"), std::string::npos);  // the library is inlined
}

TEST(HtmlViewerTest, ChromiumDrawsTheGraph) {
  TempDir dir;
  std::string path = dir / "g.html";
  WriteFile(path, Render(SampleGraph(), "html"));
  std::string dom = DumpDom(dir, path);
  EXPECT_EQ(Drawn(dom, "nodes"), 9) << dom.substr(0, 2000);
  EXPECT_EQ(Drawn(dom, "edges"), 10);
  // Filters list the types and predicates.
  EXPECT_NE(dom.find("Technology"), std::string::npos);
  EXPECT_NE(dom.find("regulates"), std::string::npos);
}

TEST(HtmlViewerTest, ChromiumDrawsFiveThousandNodes) {
  ExportGraph g;
  const char* types[] = {"Country", "Company", "Technology", "Policy", "Agency"};
  for (uint32_t i = 0; i < 5000; ++i) {
    ExportNode n;
    n.id = "urn:kg:entity:n" + std::to_string(i);
    n.label = "entity " + std::to_string(i);
    n.type = types[i % 5];
    g.nodes.push_back(std::move(n));
  }
  const uint32_t funds = g.AddPredicate("urn:kg:pred:funds");
  const uint32_t supports = g.AddPredicate("urn:kg:pred:supports");
  for (uint32_t i = 0; i < 10000; ++i) {
    g.AddEdge(i % 5000, (i * 7919 + 13) % 5000, i % 2 ? funds : supports, 1, {});
  }
  g.ComputeDegrees();
  TempDir dir;
  std::string path = dir / "big.html";
  WriteFile(path, Render(g, "html"));
  std::string dom = DumpDom(dir, path);
  EXPECT_EQ(Drawn(dom, "nodes"), 5000);
  EXPECT_EQ(Drawn(dom, "edges"), 10000);
}

}  // namespace
}  // namespace kg::exporting::testing
