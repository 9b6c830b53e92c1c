#include "query/export/json_sink.h"

#include "query/export/text_sink.h"

namespace kg::exporting {

void JsonSink::FlushBuffer() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

Status JsonSink::Finish() {
  FlushBuffer();
  out_.flush();
  if (!out_) return Status::StoreError("write failed");
  return Status::OK();
}

void JsonString(JsonWriter& w, std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) break;
    i += n;
  }
  if (i == s.size()) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  std::string fixed;
  fixed.reserve(s.size() + 8);
  for (i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      fixed.append("\xEF\xBF\xBD");
      ++i;
    } else {
      fixed.append(s.substr(i, n));
      i += n;
    }
  }
  w.String(fixed.data(), static_cast<rapidjson::SizeType>(fixed.size()));
}

}  // namespace kg::exporting
