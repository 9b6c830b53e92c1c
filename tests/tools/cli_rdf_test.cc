// kg load, kg load --check and kg dump, run as the real binary on real files
// and a real store.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include "tests/tools/cli_runner.h"

namespace kg::testing {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Canonical form of an N-Triples/N-Quads text whose blank nodes each carry a
// unique <http://ex/name> literal: labels become _:NAME, lines are sorted.
std::vector<std::string> Canonical(const std::string& text) {
  std::vector<std::string> lines = Lines(text);
  std::map<std::string, std::string> names;
  std::regex named("^(_:[^ ]+) <http://ex/name> \"([^\"]+)\"");
  for (const auto& l : lines) {
    std::smatch m;
    if (std::regex_search(l, m, named)) names[m[1].str()] = "_:" + m[2].str();
  }
  std::regex blank("_:[A-Za-z0-9_.-]*[A-Za-z0-9_-]");
  for (auto& l : lines) {
    std::string out;
    auto begin = std::sregex_iterator(l.begin(), l.end(), blank);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      out += l.substr(last, static_cast<size_t>(it->position()) - last);
      auto found = names.find(it->str());
      out += found != names.end() ? found->second : "_:UNNAMED";
      last = static_cast<size_t>(it->position() + it->length());
    }
    out += l.substr(last);
    l = out;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// A graph in the writer's own syntax, with every kind of term.
const char* kGraph =
    "<http://ex/alice> <http://ex/knows> <http://ex/bob> .\n"
    "<http://ex/alice> <http://ex/label> \"Alice \\\"Al\\\" Smith\\nline two\\ttab\" .\n"
    "<http://ex/alice> <http://ex/label> \"Алиса\"@ru .\n"
    "<http://ex/alice> <http://ex/age> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<http://ex/caf\xC3\xA9> <http://ex/note> \"bell\\u0007 and \xF0\x9F\x98\x80\" .\n"
    "_:n1 <http://ex/name> \"first\" .\n"
    "_:n2 <http://ex/name> \"second\" .\n"
    "_:n1 <http://ex/next> _:n2 .\n"
    "<http://ex/alice> <http://ex/owns> _:n1 .\n";

class CliRdfTest : public ::testing::Test {
 protected:
  std::string Db() const { return dir_ / "kg.db"; }
  CliResult Kg(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunKg(args);
  }
  std::string Dump(const std::string& format = "ntriples") {
    CliResult r = Kg({"dump", "--format", format});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ / name;
    WriteFile(path, text);
    return path;
  }
  // NAME must end in .gz; compressed by the gzip program.
  std::string WriteGz(const std::string& name, const std::string& text) {
    std::string plain = dir_ / name.substr(0, name.size() - 3);
    WriteFile(plain, text);
    CliResult r = RunProgram({"gzip", "-f", plain});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return plain + ".gz";
  }
  // Loads a good file, runs `args`, and checks the failure left the store as it was.
  CliResult FailsCleanly(const std::vector<std::string>& args, const std::string& what) {
    std::string good = Write("good.nt", kGraph);
    CliResult ok = Kg({"load", good});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    std::string before = Dump("nquads");
    CliResult r = Kg(args);
    EXPECT_EQ(r.exit_code, 1) << what << ": " << r.err;
    EXPECT_EQ(Lines(r.err).size(), 1u) << what << ": not one line: " << r.err;
    EXPECT_EQ(Dump("nquads"), before) << what << ": the store changed";
    return r;
  }

  TempDir dir_;
};

TEST_F(CliRdfTest, LoadDumpLoadRoundTrip) {
  std::string src = Write("graph.nt", kGraph);
  CliResult r = Kg({"load", src});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("graph: loaded 9 triples"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");  // no progress bar when stderr is a pipe
  std::string dump1 = Dump();
  EXPECT_EQ(Canonical(dump1), Canonical(kGraph)) << dump1;

  // Through a file and a second store.
  std::string file = dir_ / "dump1.nt";
  ASSERT_EQ(Kg({"dump", "-o", file}).exit_code, 0);
  EXPECT_EQ(ReadFile(file), dump1);
  std::string db2 = dir_ / "second.db";
  r = RunKg({"--db", db2, "load", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CliResult dump2 = RunKg({"--db", db2, "dump"});
  ASSERT_EQ(dump2.exit_code, 0) << dump2.err;
  EXPECT_EQ(Canonical(dump2.out), Canonical(kGraph));
}

TEST_F(CliRdfTest, GzipAndNQuadsLoad) {
  std::string gz = WriteGz("zipped.nq.gz",
                           "<http://ex/a> <http://ex/p> <http://ex/b> <http://ex/g1> .\n"
                           "<http://ex/a> <http://ex/p> \"x\" .\n");
  CliResult r = Kg({"load", gz});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("zipped: loaded 2 triples"), std::string::npos) << r.out;
  EXPECT_EQ(Canonical(Dump()), Canonical("<http://ex/a> <http://ex/p> <http://ex/b> .\n"
                                         "<http://ex/a> <http://ex/p> \"x\" .\n"));
}

TEST_F(CliRdfTest, NQuadsDumpNamesEachSupportingDocument) {
  std::string a = Write("a.nt",
                        "<http://ex/s> <http://ex/p> <http://ex/shared> .\n"
                        "<http://ex/s> <http://ex/p> <http://ex/only-a> .\n");
  std::string b = Write("b.nt", "<http://ex/s> <http://ex/p> <http://ex/shared> .\n");
  CliResult r = Kg({"load", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(Dump()).size(), 2u);
  EXPECT_EQ(Canonical(Dump("nquads")),
            Canonical("<http://ex/s> <http://ex/p> <http://ex/shared> <urn:kg:doc:a> .\n"
                      "<http://ex/s> <http://ex/p> <http://ex/only-a> <urn:kg:doc:a> .\n"
                      "<http://ex/s> <http://ex/p> <http://ex/shared> <urn:kg:doc:b> .\n"));
}

TEST_F(CliRdfTest, ReloadingUnchangedFileChangesNothingAndChangedFileReplaces) {
  std::string f = Write("doc.nt", kGraph);
  ASSERT_EQ(Kg({"load", f}).exit_code, 0);
  std::string before = Dump("nquads");
  CliResult r = Kg({"load", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("doc: unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(Dump("nquads"), before);

  Write("doc.nt", "<http://ex/new> <http://ex/p> <http://ex/o> .\n");
  r = Kg({"load", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("doc: replaced"), std::string::npos) << r.out;
  EXPECT_EQ(Dump(), "<http://ex/new> <http://ex/p> <http://ex/o> .\n");
}

TEST_F(CliRdfTest, CheckNeedsNoStoreAndReportsPosition) {
  std::string good = Write("ok.nt", kGraph);
  CliResult r = Kg({"load", "--check", good});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Db())) << "--check created a store";

  std::string bad = Write("bad.nt", std::string(kGraph) + "<http://ex/s> <http://ex/p> \"open .\n");
  r = Kg({"load", "--check", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":10:29: unterminated string"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(CliRdfTest, MissingFile) {
  std::string path = dir_ / "absent.nt";
  CliResult r = FailsCleanly({"load", path}, "missing");
  EXPECT_NE(r.err.find(path + ": no such file"), std::string::npos) << r.err;
}

TEST_F(CliRdfTest, DirectoryGiven) {
  std::string path = dir_ / "adir.nt";
  std::filesystem::create_directory(path);
  CliResult r = FailsCleanly({"load", path}, "directory");
  EXPECT_NE(r.err.find(path + ": is a directory"), std::string::npos) << r.err;
}

TEST_F(CliRdfTest, UnreadableFile) {
  // /proc/self/mem opens but fails on read, even for root.
  CliResult r = FailsCleanly({"load", "--format", "ntriples", "/proc/self/mem"}, "unreadable");
  EXPECT_NE(r.err.find("/proc/self/mem"), std::string::npos) << r.err;
  if (geteuid() != 0) {
    std::string path = Write("secret.nt", kGraph);
    chmod(path.c_str(), 0);
    r = FailsCleanly({"load", path}, "no permission");
    EXPECT_NE(r.err.find(path + ": cannot read"), std::string::npos) << r.err;
  }
}

TEST_F(CliRdfTest, TruncatedGzip) {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "<http://ex/s" + std::to_string(i) + "> <http://ex/p> \"" + std::to_string(i * 7919) +
            "\" .\n";
  }
  std::string full = ReadFile(WriteGz("cut.nt.gz", text));
  std::string path = Write("cut.nt.gz", full.substr(0, full.size() * 2 / 3));
  CliResult r = FailsCleanly({"load", path}, "truncated gzip");
  EXPECT_TRUE(std::regex_search(r.err, std::regex(path + ":[0-9]+:[0-9]+: truncated gzip file")))
      << r.err;
}

TEST_F(CliRdfTest, NulByte) {
  std::string path = Write("nul.nt", std::string(kGraph) + "<http://ex/s> <http://ex/p> " +
                                         std::string(1, '\0') + " .\n");
  CliResult r = FailsCleanly({"load", path}, "NUL");
  EXPECT_NE(r.err.find(path + ":10:29: expected an object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("NUL byte"), std::string::npos) << r.err;
}

TEST_F(CliRdfTest, InvalidAndOverlongUtf8) {
  std::string bad = Write("bad-utf8.nt", "<http://ex/s> <http://ex/p> \"caf\xE9\" .\n");
  CliResult r = FailsCleanly({"load", bad}, "invalid UTF-8");
  EXPECT_NE(r.err.find(bad + ":1:33: invalid UTF-8: incomplete sequence starting with 0xE9"),
            std::string::npos)
      << r.err;
  std::string overlong = Write("overlong.nt", "<http://ex/s> <http://ex/p> \"\xC0\xAF\" .\n");
  r = FailsCleanly({"load", overlong}, "overlong UTF-8");
  EXPECT_NE(r.err.find(overlong + ":1:30: overlong UTF-8 sequence (0xC0 0xAF)"), std::string::npos)
      << r.err;
}

TEST_F(CliRdfTest, HundredMegabyteLine) {
  std::string line = "<http://ex/s> <http://ex/p> \"" + std::string(100 << 20, 'x') + "\xFF\" .\n";
  std::string path = Write("long.nt", std::string(kGraph) + line);
  CliResult r = FailsCleanly({"load", path}, "100 MB line");
  EXPECT_NE(
      r.err.find(path + ":10:" + std::to_string(30 + (100 << 20)) + ": invalid UTF-8 byte 0xFF"),
      std::string::npos)
      << r.err;
}

TEST_F(CliRdfTest, TripleTermsAreNotSupported) {
  std::string path = Write("star.nt",
                           "<http://ex/s> <http://ex/p> <<( <http://ex/a> <http://ex/b> "
                           "<http://ex/c> )>> .\n");
  CliResult r = FailsCleanly({"load", path}, "triple term");
  EXPECT_NE(r.err.find(path + ":1:29: RDF 1.2 triple terms"), std::string::npos) << r.err;
}

TEST_F(CliRdfTest, ParseErrorAfterManyTriplesStoresNothingOfThatFile) {
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    text += "<http://ex/s" + std::to_string(i) + "> <http://ex/p> <http://ex/o> .\n";
  }
  std::string path = Write("late-error.nt", text + "<http://ex/s> <http://ex/p> .\n");
  CliResult r = FailsCleanly({"load", path}, "late error");
  EXPECT_NE(r.err.find(path + ":50001:29:"), std::string::npos) << r.err;
}

TEST_F(CliRdfTest, UnknownExtensionNeedsFormat) {
  std::string path = Write("data.txt", "<http://ex/s> <http://ex/p> <http://ex/o> .\n");
  CliResult r = FailsCleanly({"load", path}, "unknown extension");
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
  r = Kg({"load", "--format", "ntriples", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("data: loaded 1 triples"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kg::testing
