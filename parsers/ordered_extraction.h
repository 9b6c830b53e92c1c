// Extraction on several threads with its results in input order, so output
// and stored documents do not depend on the thread count.
#pragma once

#include <functional>

#include "parsers/document_reader.h"
#include "parsers/extractor.h"

namespace kg::parsers {

class OrderedExtraction {
 public:
  // `jobs` extraction threads; 1 extracts on the calling thread.
  OrderedExtraction(const ExtractionResources& res, int jobs);

  // Hands every document to its argument.
  using Source = std::function<void(const DocumentFn&)>;
  using Sink = std::function<void(SourceDocument&, Extraction&)>;

  // Extracts every document `source` yields and hands each to `sink`, then
  // calls `tick`, on the calling thread in the order `source` yielded them.
  // A reader thread runs `source`; up to 4096 documents and 32 MB of text
  // (always four documents per thread) wait between reading and `sink`, which
  // bounds memory whatever the input size.
  void Run(const Source& source, const Sink& sink, const std::function<void()>& tick) const;

 private:
  Extractor extractor_;
  int jobs_;
};

}  // namespace kg::parsers
