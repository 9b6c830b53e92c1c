#include "kg/vocab.h"

#include <cstdio>

namespace kg::vocab {

std::string EntityIri(std::string_view label) {
  std::string out(kEntityNs);
  bool pending_dash = false;
  for (unsigned char c : label) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c >= 0x80) {
      if (pending_dash && out.size() > kEntityNs.size()) out += '-';
      pending_dash = false;
      if (c >= 0x80) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      } else {
        out += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
      }
    } else {
      pending_dash = true;
    }
  }
  return out;
}

std::string_view LocalName(std::string_view iri) {
  size_t cut = iri.find_last_of("#/:");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

}  // namespace kg::vocab
