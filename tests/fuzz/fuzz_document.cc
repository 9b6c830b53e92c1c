// libFuzzer target: the document readers (.txt, .md, .jsonl, .html) end to
// end, then sentence splitting of what they produce. The first byte picks the
// file type; the rest is written to a file so the real reading path runs.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "parsers/document_reader.h"
#include "parsers/sentence_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kExtensions[] = {".txt", ".md", ".jsonl", ".html"};
  std::string path = "/tmp/kg-fuzz-doc-" + std::to_string(getpid()) + kExtensions[data[0] % 4];
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data + 1, 1, size - 1, f);
    std::fclose(f);
  } else {
    return 0;
  }
  kg::parsers::ReadFile(
      path,
      [](kg::parsers::SourceDocument doc) {
        for (const auto& s : kg::parsers::SplitSentences(doc.text)) (void)s;
      },
      [](const kg::parsers::ReadProblem&) {});
  std::remove(path.c_str());
  return 0;
}
