// Reads documents from files and directories: .txt, .md, .html/.htm, .jsonl
// (one document a line) and .pdf (through poppler-cpp).
//
// A directory is walked recursively in name order, following symlinks but
// never into a directory already on the current path (a symlink loop is
// skipped with a warning). Inside directories only the known extensions are
// read; a file named explicitly with another extension is read as text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kg/document.h"
#include "kg/status.h"

namespace kg::parsers {

struct SourceDocument {
  DocumentInfo info;  // id, title, date (YYYY-MM-DD when known), source, content_hash
  std::string text;   // UTF-8 text; evidence offsets point into it
};

// Problems reading one file or line. `fatal` ones make the command fail
// (exit 1) after the other inputs are done; the rest are warnings.
struct ReadProblem {
  std::string message;  // "FILE: ..." or "FILE:LINE: ..."
  bool fatal = true;
};

using DocumentFn = std::function<void(SourceDocument)>;
using ProblemFn = std::function<void(const ReadProblem&)>;

// Lists the files `paths` name, expanding directories. A missing path is a
// fatal problem; symlink loops are warnings.
std::vector<std::string> ListInputFiles(const std::vector<std::string>& paths,
                                        const ProblemFn& problem);

// Whether ReadFile may find several documents in `path` (a .jsonl file,
// any case), judged by its name alone.
bool HoldsManyDocuments(const std::string& path);

// Reads one file and calls `fn` for each document in it (one, or one per
// jsonl line). Returns the number of documents produced.
size_t ReadFile(const std::string& path, const DocumentFn& fn, const ProblemFn& problem);

// Reads a file's raw bytes. Errors: NotFound, InvalidInput (unreadable).
Result<std::string> ReadBytes(const std::string& path);

}  // namespace kg::parsers
