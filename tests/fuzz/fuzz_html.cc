// libFuzzer target: the HTML reader (tags, entities, script/style dropping).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  std::string title;
  (void)kg::parsers::HtmlToText(html, &title);
  (void)kg::parsers::DecodeEntities(html);
  return 0;
}
