// libFuzzer target: the relation rule language (Spirit X3 grammar + compiler).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kg::parsers::rules::RuleSet rules;
  (void)rules.LoadText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  return 0;
}
